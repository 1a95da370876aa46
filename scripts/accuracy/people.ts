/**
 * The people in the accuracy sets: a seeded generator, so every run of the
 * fixture scripts writes the same rosters, exports and messages.
 */
export function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Edith',
  'Harold',
  'Grace',
  'Walter',
  'Dorothy',
  'Eugene',
  'Mildred',
  'Frank',
  'Ruth',
  'Ernest',
  'Agnes',
  'Leonard',
  'Gladys',
  'Raymond',
  'Florence',
  'Clarence',
  'Irene',
  'Howard',
  'Lucille',
  'Arthur',
  'Marjorie',
  'Vernon',
  'Bernice',
  'Lloyd',
  'Rosa',
  'Thomas',
  'Maria',
  'Kenji',
  'Amara',
  'Olga',
];
const LAST = [
  'Walker',
  'Brown',
  'Okafor',
  'Nguyen',
  'Schmidt',
  'Delgado',
  'Kowalski',
  'Fitzgerald',
  'Hernandez',
  'Lindqvist',
  'Patterson',
  'Morrison',
  'Abernathy',
  'Castillo',
  'Jablonski',
  'Thompson',
  'Yamamoto',
  'Gallagher',
  'Rossi',
  'Bennett',
  'McAllister',
  'Novak',
  'Oduya',
  'Petrov',
  'Sullivan',
  'Whitfield',
  'Campbell',
  'Duarte',
  'Ferreira',
  'Hughes',
];

export type Resident = {
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  roomNumber: string;
  mrn: string;
  admitDate: string;
  sex: 'F' | 'M';
};

const pad = (n: number) => String(n).padStart(2, '0');

export function residents(seed: number, count: number): Resident[] {
  const rand = seeded(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const out: Resident[] = [];
  const seen = new Set<string>();
  while (out.length < count) {
    const firstName = pick(FIRST);
    const lastName = pick(LAST);
    if (seen.has(lastName + firstName)) continue;
    seen.add(lastName + firstName);
    const year = 1928 + Math.floor(rand() * 30);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const room = `${100 + Math.floor(rand() * 250)}${rand() < 0.4 ? pick(['A', 'B']) : ''}`;
    const admitYear = 2019 + Math.floor(rand() * 6);
    out.push({
      firstName,
      lastName,
      dateOfBirth: `${year}-${pad(month)}-${pad(day)}`,
      roomNumber: room,
      mrn: String(10000 + Math.floor(rand() * 89999)),
      admitDate: `${admitYear}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`,
      sex: rand() < 0.6 ? 'F' : 'M',
    });
  }
  return out;
}

/** 1944-06-19 → 06/19/1944 */
export const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
