import { describe, expect, it } from 'vitest';
import { referrerOrigin } from '../../extension/capture/origin-words';

describe("where a captured referring provider was read, in the panel's words", () => {
  it('names the page and each origin in plain words, never a parser name', () => {
    const origin = referrerOrigin({
      url: 'https://carrowperio.example.com/team/elise-carrow',
      title: 'Meet Dr. Elise Carrow',
      fields: { lastName: 'Carrow', city: 'Evanston', phone: '(555) 010-6160', practiceName: 'Carrow Perio' },
      from: {
        lastName: 'heading',
        city: 'address block',
        phone: 'tel link',
        practiceName: 'JSON-LD practice',
      },
    });
    expect(origin).toBe(
      'From the page “Meet Dr. Elise Carrow” (the page’s heading, the address on the page, a phone link on the page, the page’s details of the practice). Check before saving.',
    );
    expect(origin).not.toMatch(/JSON-LD|hCard|tel link/);
  });
});
