import { describe, expect, it } from 'vitest';
import { aboutSomeone } from '../../extension/capture/about-someone';

const parent = { name: 'Maria Gonzalez', email: 'maria.gonzalez@example.com' };

describe('who a message is about', () => {
  it('a parent writing about a child: the child is the person, the writer the guardian, the dentist the referrer', () => {
    expect(
      aboutSomeone(
        'My daughter Sofia (DOB 03/14/2013) was told by her dentist, Dr. Anil Patel, to see you.\nThanks,\nMaria Gonzalez',
        parent,
      ),
    ).toEqual({
      person: { firstName: 'Sofia', lastName: 'Gonzalez' },
      guardian: { name: 'Maria Gonzalez', relationship: 'Parent', email: 'maria.gonzalez@example.com' },
      writerIsReferrer: false,
      referrer: 'Dr. Anil Patel',
    });
  });

  it('reads "I\'m Owen\'s mom" and labelled forms', () => {
    expect(
      aboutSomeone("I'm Owen's mom, Owen Mitchell, born 1/8/2013.", { name: 'Sarah Mitchell' }).guardian,
    ).toEqual({ name: 'Sarah Mitchell', relationship: 'Mother' });
    const labelled = aboutSomeone(
      "Child's name: Emma Hayes\nParent/guardian: Robert Hayes\nRelationship: Father",
      { name: 'Robert Hayes', email: 'r@example.net' },
    );
    expect(labelled.person).toEqual({ firstName: 'Emma', lastName: 'Hayes' });
    expect(labelled.guardian).toEqual({ name: 'Robert Hayes', relationship: 'Father' });
  });

  it("a dentist's referral letter: the patient is the person, the parent it names the guardian, the dentist's address not the patient's", () => {
    const about = aboutSomeone(
      'I am referring my patient Mia Lopez (DOB 04/11/2011).\nHer mother, Ana Lopez, can be reached at 555-010-8842.',
      { name: 'Raj Mehta', email: 'raj@mehtadental.example.com' },
    );
    expect(about.person).toEqual({ firstName: 'Mia', lastName: 'Lopez' });
    expect(about.guardian).toEqual({ name: 'Ana Lopez', relationship: 'Mother' });
    expect(about.writerIsReferrer).toBe(true);
  });

  it('an adult writing about themselves stays the person; only the dentist is added', () => {
    expect(
      aboutSomeone('I would like a consultation for myself. My dentist Dr. Helen Stone suggested aligners.', {
        name: 'Marcus Bell',
      }),
    ).toEqual({ writerIsReferrer: false, referrer: 'Dr. Helen Stone' });
  });
});
