/**
 * The scale data set of `npm run bench -- --scale`, as SQL for the local D1:
 * every row made by `INSERT … SELECT` over a recursive counter, so 100,000
 * patients and 100,000 leads take seconds, not a request per row. The bench
 * brings its leads in through the lead import API instead
 * (`bench-lead-import.ts`), which it times. The demo
 * organisation gets `large` rows, the other one `small`, both with facilities
 * of the same size, so one run compares the same endpoints at both sizes.
 */
import { DEMO_ORGS } from './seed-demo';

export const FACILITY_SIZE = 1000;

// Realistic names, so a search for "Maria Garcia" matches few rows among many.
export const FIRST = [
  'Maria',
  'James',
  'Mary',
  'John',
  'Linda',
  'Robert',
  'Patricia',
  'Michael',
  'Barbara',
  'William',
  'Susan',
  'David',
  'Jessica',
  'Richard',
  'Sarah',
  'Joseph',
  'Karen',
  'Thomas',
  'Nancy',
  'Charles',
  'Lisa',
  'Daniel',
  'Betty',
  'Matthew',
  'Sandra',
  'Anthony',
  'Ashley',
  'Mark',
  'Emily',
  'Paul',
  'Donna',
  'Steven',
  'Michelle',
  'Andrew',
  'Carol',
  'Joshua',
  'Amanda',
  'Kevin',
  'Melissa',
  'Brian',
];
export const LAST = [
  'Garcia',
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Sanchez',
  'Clark',
  'Ramirez',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Torres',
  'Nguyen',
  'Hill',
  'Flores',
  'Green',
  'Adams',
  'Nelson',
  'Baker',
  'Hall',
  'Rivera',
  'Campbell',
  'Mitchell',
  'Carter',
  'Roberts',
];
export const STAGES: [name: string, outcome: string][] = [
  ['New inquiry', 'open'],
  ['Contacted', 'open'],
  ['Consultation scheduled', 'open'],
  ['Treatment presented', 'open'],
  ['Started treatment', 'won'],
  ['Not proceeding', 'lost'],
];
export const SOURCES = ['Web form', 'Phone call', 'Walk-in', 'Referral', 'Email'];
const STATUSES = ['not_started', 'in_progress', 'active', 'on_hold'];

const json = (values: string[]) => `'${JSON.stringify(values)}'`;
const pick = (list: string[], index: string) => `json_extract(${json(list)}, '$[' || (${index}) || ']')`;
const counter = (rows: number) =>
  `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows - 1})`;

export type ScaleOrg = { id: string; tag: string; rows: number };

export function scaleOrgs(large: number, small: number): ScaleOrg[] {
  return [
    { id: DEMO_ORGS.demo.id, tag: 'demo', rows: large },
    { id: DEMO_ORGS.other.id, tag: 'other', rows: small },
  ];
}

/** Facility `f<k>` of an organisation holds patients k·1000 … k·1000+999. */
export const scaleFacilityId = (org: ScaleOrg, k = 0) => `fac_scale_${org.tag}_${k}`;

function orgSql({ id, tag, rows }: ScaleOrg, now: string, withLeads: boolean): string {
  const facilities = Math.ceil(rows / FACILITY_SIZE);
  const org = `'${id}'`;
  const by = `'usr_${tag}_clinic_admin'`;
  const first = pick(FIRST, `i % ${FIRST.length}`);
  const last = pick(LAST, `(i / ${FIRST.length}) % ${LAST.length}`);
  // Creation times spread over the last year, a lead or patient every few minutes.
  const created = `strftime('%Y-%m-%dT%H:%M:%fZ', '${now}', '-' || (i * 300 % 31536000) || ' seconds')`;
  return [
    `INSERT INTO facilities (id, organization_id, name, name_key, address_line1, city, state, postal_code, address_verification, service_categories, created_by, created_at, updated_at)
     ${counter(facilities)} SELECT 'fac_scale_${tag}_' || i, ${org}, 'Scale Home ' || i, 'scale home ' || i, i || ' Main St', 'Springfield', 'IL', '62701',
       '{"provider":"offline","verifiedAt":"${now}","corrections":[]}', '["pharmacy"]', ${by}, '${now}', '${now}' FROM n;`,
    `INSERT INTO patients (id, organization_id, facility_id, first_name, last_name, name_key, date_of_birth, room_number, enrollment_status, created_by, created_at, updated_at)
     ${counter(rows)} SELECT 'pat_scale_${tag}_' || i, ${org}, 'fac_scale_${tag}_' || (i / ${FACILITY_SIZE}), ${first}, ${last},
       lower(${last}) || '|' || lower(${first}), date('1930-01-01', '+' || (i % 20000) || ' days'), 100 + i % 400,
       ${pick(STATUSES, `i % ${STATUSES.length}`)}, ${by}, ${created}, ${created} FROM n;`,
    ...STAGES.map(
      ([name, outcome], i) =>
        `INSERT INTO pipeline_stages (id, organization_id, name, sort_order, outcome, created_at) VALUES ('stg_scale_${tag}_${i}', ${org}, '${name}', ${i}, '${outcome}', '${now}');`,
    ),
    ...SOURCES.map(
      (name, i) =>
        `INSERT INTO lead_sources (id, organization_id, name, channel, created_at) VALUES ('src_scale_${tag}_${i}', ${org}, '${name}', 'web_form', '${now}');`,
    ),
    ...(withLeads
      ? [
          `INSERT INTO leads (id, organization_id, first_name, last_name, email, phone, phone_key, name_key, source_id, stage_id, stage_entered_at, coordinator_id, created_by, created_at, updated_at)
     ${counter(rows)} SELECT 'lea_scale_${tag}_' || i, ${org}, ${first}, ${last}, 'lead' || i || '@example.test', '555-' || (1000000 + i), '555' || (1000000 + i),
       lower(${last}) || '|' || lower(${first}), 'src_scale_${tag}_' || (i % ${SOURCES.length}), 'stg_scale_${tag}_' || (i % ${STAGES.length}), ${created},
       CASE WHEN i % 3 = 0 THEN 'mem_${tag}_clinic_admin' END, ${by}, ${created}, ${created} FROM n;`,
        ]
      : []),
    `INSERT INTO audit_events (id, organization_id, actor_user_id, action, entity_type, entity_id, outcome, detail, created_at)
     ${counter(rows)} SELECT 'aud_scale_${tag}_' || i, ${org}, ${by}, 'read', 'patient', 'pat_scale_${tag}_' || i, 'success', '{}', ${created} FROM n;`,
  ].join('\n');
}

/**
 * The data set as SQL. Tests take the leads as SQL too; the bench leaves them
 * out (`leads: false`) and brings them in through the lead import API.
 */
export function scaleSeedSql(
  orgs: ScaleOrg[],
  now = new Date().toISOString(),
  options = { leads: true },
): string {
  return orgs.map((o) => orgSql(o, now, options.leads)).join('\n');
}
