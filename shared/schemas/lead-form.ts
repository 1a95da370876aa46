import { z } from 'zod';
import { guardianProblem } from '../guardian';
import { emailSchema } from './common';
import { multiLineText, requiredText, singleLineText } from './text';

export const MAX_ALLOWED_ORIGINS = 20;
/** The hidden field of the website form: people leave it empty, form-filling bots do not. */
export const HONEYPOT_FIELD = 'website';

const originMessage = 'Enter a website address like https://www.example.com, with no path';
const hostPattern = /^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/;

/**
 * One website allowed to post from a browser, as the browser names it in the
 * `Origin` header: scheme, host and port, nothing else. `https://Example.com/`
 * is kept as `https://example.com`; paths, queries, wildcards and `null` are refused.
 */
export const allowedOriginSchema = z
  .string()
  .trim()
  .max(200)
  .transform((value, ctx) => {
    let url: URL | null = null;
    try {
      url = new URL(value);
    } catch {
      url = null;
    }
    const exact =
      url &&
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      hostPattern.test(url.hostname) &&
      !url.username &&
      !url.password &&
      url.pathname === '/' &&
      !/[?#]/.test(value) &&
      /^https?:\/\/[^/]+\/?$/i.test(value);
    if (!url || !exact) {
      ctx.addIssue({ code: 'custom', message: originMessage });
      return z.NEVER;
    }
    return url.origin;
  });

export const leadFormUpdateSchema = z
  .strictObject({
    enabled: z.boolean().optional(),
    allowedOrigins: z
      .array(allowedOriginSchema)
      .max(MAX_ALLOWED_ORIGINS, { message: `At most ${MAX_ALLOWED_ORIGINS} websites` })
      .transform((list) => [...new Set(list)])
      .optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });

export const leadFormConfigSchema = z.object({
  enabled: z.boolean(),
  /** The unguessable part of the public address. */
  key: z.string(),
  /** The full address the website's form posts to. */
  endpoint: z.string(),
  /** The same address without the host: `/api/v1/public/leads/<key>`. */
  endpointPath: z.string(),
  allowedOrigins: z.array(z.string()),
});

// A plain HTML form sends every field, empty ones as "": those count as not given.
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalField = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

const dateOfBirthSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected YYYY-MM-DD' })
  .refine(
    (v) => {
      const t = Date.parse(`${v}T00:00:00Z`);
      return !Number.isNaN(t) && new Date(t).toISOString().startsWith(v) && t <= Date.now();
    },
    { message: 'Enter a real date of birth' },
  );

/**
 * What a practice website's inquiry form posts (JSON or form-urlencoded).
 * Unlike the staff API this is not strict: website builders add fields of
 * their own (submit buttons, CMS tokens), which are dropped and never stored.
 */
export const publicLeadSchema = z
  .object({
    firstName: requiredText('Enter your first name', 80),
    lastName: requiredText('Enter your last name', 80),
    email: optionalField(emailSchema),
    phone: optionalField(
      singleLineText(40).refine((v) => v.replace(/\D/g, '').length >= 7, {
        message: 'Enter a phone number with at least 7 digits',
      }),
    ),
    dateOfBirth: optionalField(dateOfBirthSchema),
    /** A parent or guardian: needed for someone under 18, and never the person themself. */
    guardianName: optionalField(requiredText("Enter the parent's or guardian's name", 120)),
    guardianRelationship: optionalField(singleLineText(60)),
    guardianEmail: optionalField(emailSchema),
    guardianPhone: optionalField(singleLineText(40)),
    message: optionalField(multiLineText(4000)),
    /** Where a plain form returns after posting; used only when it is on an allowed website. */
    redirect: optionalField(z.string().trim().max(2000)),
  })
  .refine((v) => v.email || v.phone, { message: 'Give an email address or a phone number', path: ['email'] })
  .superRefine((v, ctx) => {
    const problem = guardianProblem(v, publicResponsibleParty(v), new Date().toISOString().slice(0, 10));
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: problem.message,
        path: [problem.path === 'responsibleParty.relationship' ? 'guardianRelationship' : 'guardianName'],
      });
  });

/** The website form's flat guardian fields as a lead's responsible party (a relationship left out reads as parent or guardian). */
export function publicResponsibleParty(v: {
  guardianName?: string | undefined;
  guardianRelationship?: string | undefined;
  guardianEmail?: string | undefined;
  guardianPhone?: string | undefined;
}) {
  if (!v.guardianName) return undefined;
  return {
    name: v.guardianName,
    relationship: v.guardianRelationship || 'Parent or guardian',
    ...(v.guardianEmail ? { email: v.guardianEmail } : {}),
    ...(v.guardianPhone ? { phone: v.guardianPhone } : {}),
  };
}

export type PublicLeadInput = z.infer<typeof publicLeadSchema>;
