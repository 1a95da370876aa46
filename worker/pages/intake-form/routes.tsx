/** @jsxImportSource hono/jsx */
/**
 * The public intake form at /f/<token> (issue 7): server-rendered steps that
 * work without JavaScript, a JSON draft endpoint for the page's script, and
 * the thank-you page. Opening, saving and submitting are the services'
 * (services/intake/public-form.ts); this file turns posts into their inputs
 * and their outcomes into pages.
 */
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Answers, FormDefinition, Section } from '../../../shared/intake/definition';
import { validateAnswers, visibleSections } from '../../../shared/intake/engine';
import { answersSchema } from '../../../shared/schemas/intake';
import type { AppEnv } from '../../env';
import { AppError } from '../../lib/app-error';
import { clientIp } from '../../middleware/request-context';
import {
  type AnswerOptions,
  type ClosedForm,
  countFormHit,
  type OpenForm,
  openByToken,
} from '../../services/intake/public-form';
import { saveDraft } from '../../services/intake/save-draft';
import { submit } from '../../services/intake/submit-form';
import { storeSubmissionPdf } from '../../services/intake-pdf/store-submission-pdf';
import { formSecurity, isSameOriginPost } from './form-security';
import { type Notice, NoticePage } from './notice-pages';
import type { DraftBody } from './page-contract';
import { renderStepPage } from './step-page';
import { readStepPost } from './step-post';
import { storeUploads } from './uploads';

type Ctx = Context<AppEnv>;

/** Two photos of up to 10 MB each and the rest of the step; more is refused before it is read. */
const MAX_STEP_POST_BYTES = 25 * 1024 * 1024;
/** One section's answers with a drawn signature (at most 200 KB) fit easily. */
const MAX_DRAFT_BYTES = 512 * 1024;

function notice(c: Ctx, kind: Notice, status: number, practiceName?: string) {
  return c.html(
    <NoticePage notice={kind} nonce={c.get('secureHeadersNonce')} practiceName={practiceName} />,
    status as 200,
  );
}

/** Unknown and malformed links answer alike (404); expired 410; a form already sent is no error (200). */
function closed(c: Ctx, form: ClosedForm) {
  if (form.outcome === 'unknown') return notice(c, 'unknown', 404);
  if (form.outcome === 'expired') return notice(c, 'expired', 410, form.organizationName);
  return notice(c, 'submitted', 200, form.organizationName);
}

const stepUrl = (token: string, step: number) => `/f/${token}${step > 1 ? `?step=${step}` : ''}`;

/** Counts the hit per link and per address (429 past either limit, shown as a page by onError). */
const countHit = (c: Ctx, token: string) =>
  countFormHit(c.var.db, { token, ip: clientIp(c.req.raw.headers) });

function renderStep(
  c: Ctx,
  form: OpenForm,
  answers: Answers,
  section: Section,
  errors: Record<string, string>,
  status = 200,
) {
  const steps = visibleSections(form.definition, answers);
  const index = Math.max(
    0,
    steps.findIndex((s) => s.id === section.id),
  );
  return renderStepPage({
    nonce: c.get('secureHeadersNonce'),
    formPath: `/f/${c.req.param('token')}`,
    definition: form.definition,
    practiceName: form.organizationName,
    section,
    stepNumber: index + 1,
    stepCount: steps.length,
    answers,
    prefill: form.prefill,
    errors,
    today: form.today,
    subjectDateOfBirth: form.subjectDateOfBirth,
  }).then((html) => c.html(html, status as 200));
}

/** Errors of one section only, in its field order. */
function errorsIn(section: Section, errors: Record<string, string>) {
  const out: Record<string, string> = {};
  for (const field of section.fields) if (errors[field.id]) out[field.id] = errors[field.id]!;
  return out;
}

function without(answers: Answers, ids: string[]): Answers {
  const out: Answers = {};
  for (const [id, value] of Object.entries(answers))
    if (!ids.includes(id))
      Object.defineProperty(out, id, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/**
 * Saves a step as a draft, keeping what can be kept: answers that fail even
 * the draft checks (a malformed email, say) are left out of the save and
 * reported, so the rest of the step and its uploads are not lost; the page
 * shows them again as typed, beside their errors.
 */
async function saveStep(c: Ctx, token: string, posted: Answers, options: AnswerOptions) {
  const first = await saveDraft(c.var.db, c.var.audit, token, posted, Date.now(), options);
  if (first.outcome !== 'invalid') return { result: first, errors: {} as Record<string, string> };
  const refused = Object.keys(first.errors);
  const retry = await saveDraft(c.var.db, c.var.audit, token, without(posted, refused), Date.now(), options);
  if (retry.outcome !== 'saved')
    return { result: retry.outcome === 'invalid' ? first : retry, errors: first.errors };
  const shown: Answers = { ...retry.answers };
  for (const id of refused) if (Object.hasOwn(first.answers, id)) shown[id] = first.answers[id]!;
  return { result: { ...retry, answers: shown }, errors: first.errors };
}

const firstSectionWithErrors = (
  definition: FormDefinition,
  answers: Answers,
  errors: Record<string, string>,
) => visibleSections(definition, answers).find((s) => s.fields.some((f) => errors[f.id]));

export const intakeFormPages = new Hono<AppEnv>();
intakeFormPages.use('*', formSecurity);

intakeFormPages.onError((err, c) => {
  if (err instanceof AppError && err.code === 'rate_limited') {
    for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
    if (c.req.path.endsWith('/draft')) return c.json({ errors: {}, message: err.message }, 429);
    return notice(c, 'rate_limited', 429);
  }
  console.error(
    JSON.stringify({ level: 'error', requestId: c.var.requestId, name: err.name, message: err.message }),
  );
  return notice(c, 'error', 500);
});

intakeFormPages.get('/:token', async (c) => {
  const token = c.req.param('token');
  await countHit(c, token);
  const form = await openByToken(c.var.db, c.var.audit, token);
  if (form.outcome !== 'open') return closed(c, form);
  const steps = visibleSections(form.definition, form.answers);
  const wanted = Number.parseInt(c.req.query('step') ?? '1', 10);
  const step = Math.min(Math.max(Number.isFinite(wanted) ? wanted : 1, 1), steps.length);
  return renderStep(c, form, form.answers, steps[step - 1]!, {});
});

intakeFormPages.get('/:token/done', async (c) => {
  const token = c.req.param('token');
  await countHit(c, token);
  const form = await openByToken(c.var.db, c.var.audit, token);
  if (form.outcome === 'submitted') return notice(c, 'done', 200, form.organizationName);
  if (form.outcome === 'open') return c.redirect(stepUrl(token, 1), 303);
  return closed(c, form);
});

intakeFormPages.post(
  '/:token',
  bodyLimit({ maxSize: MAX_STEP_POST_BYTES, onError: (c) => notice(c as Ctx, 'too_large', 413) }),
  async (c) => {
    if (!isSameOriginPost(c)) return notice(c, 'refused', 403);
    const token = c.req.param('token');
    await countHit(c, token);
    const form = await openByToken(c.var.db, c.var.audit, token);
    if (form.outcome !== 'open') return closed(c, form);
    const { definition } = form;

    let body: FormData;
    try {
      body = await c.req.raw.formData();
    } catch {
      return c.redirect(stepUrl(token, 1), 303);
    }
    const section = definition.sections.find((s) => s.id === body.get('_section'));
    // A post from a page of another version of the form, or made up: start again at the first step.
    if (!section) return c.redirect(stepUrl(token, 1), 303);
    const post = readStepPost(body, definition, section);
    const stored = await storeUploads(
      c.env.FILES,
      { organizationId: form.organizationId, requestId: form.requestId },
      section,
      post.files,
      form.today,
    );
    const posted: Answers = { ...post.answers };
    for (const [id, answer] of stored.uploads) posted[id] = answer;
    const options: AnswerOptions = {
      sectionId: section.id,
      uploadedFileIds: [...stored.uploads.values()].map((u) => u.fileId),
      removedFileFields: [...post.removed],
    };

    if (post.action === 'submit' && !Object.keys(stored.errors).length) {
      const ua = c.req.header('User-Agent') ?? null;
      const done = await submit(
        c.var.db,
        c.var.audit,
        token,
        posted,
        { ip: clientIp(c.req.raw.headers), userAgent: ua },
        Date.now(),
        options,
      );
      if (done.outcome === 'done') {
        // The PDF is rendered after the answer; staff see it as available once stored.
        c.executionCtx.waitUntil(
          storeSubmissionPdf(c.var.db, c.env.FILES, done.submissionId).catch((e: Error) =>
            console.error(JSON.stringify({ level: 'error', job: 'intake-pdf', message: e.message })),
          ),
        );
        return c.redirect(`/f/${token}/done`, 303);
      }
      if (done.outcome !== 'invalid') return closed(c, done);
      // Keep this step's answers, then show the first step that needs something.
      const saved = await saveStep(c, token, posted, options);
      const answers = saved.result.outcome === 'saved' ? saved.result.answers : done.answers;
      const target = firstSectionWithErrors(definition, done.answers, done.errors) ?? section;
      return renderStep(c, form, answers, target, errorsIn(target, { ...done.errors, ...saved.errors }), 400);
    }

    const saved = await saveStep(c, token, posted, options);
    if (saved.result.outcome !== 'saved' && saved.result.outcome !== 'invalid')
      return closed(c, saved.result);
    const answers = saved.result.answers;
    const steps = visibleSections(definition, answers);
    const index = steps.findIndex((s) => s.id === section.id);
    if (post.action === 'back') return c.redirect(stepUrl(token, Math.max(1, index)), 303);

    const checked = validateAnswers(definition, answers, {
      sectionId: section.id,
      today: form.today,
      subjectDateOfBirth: form.subjectDateOfBirth,
    });
    const errors = { ...(checked.ok ? {} : checked.errors), ...saved.errors, ...stored.errors };
    if (Object.keys(errorsIn(section, errors)).length)
      return renderStep(c, form, answers, section, errorsIn(section, errors), 400);
    // The last step's "send" met an upload error above and was re-rendered; otherwise on to the next.
    return c.redirect(stepUrl(token, Math.min(index + 2, steps.length)), 303);
  },
);

intakeFormPages.post(
  '/:token/draft',
  bodyLimit({ maxSize: MAX_DRAFT_BYTES, onError: (c) => c.json({ errors: {} }, 413) }),
  async (c) => {
    if (!isSameOriginPost(c)) return c.json({ errors: {} }, 403);
    if (!(c.req.header('Content-Type') ?? '').startsWith('application/json'))
      return c.json({ errors: {} }, 415);
    const token = c.req.param('token');
    await countHit(c, token);
    let body: DraftBody;
    try {
      body = await c.req.json<DraftBody>();
    } catch {
      return c.json({ errors: {} }, 400);
    }
    const parsed = answersSchema.safeParse(body?.answers);
    if (typeof body?.sectionId !== 'string' || !parsed.success) return c.json({ errors: {} }, 400);
    // Files travel only in form posts: a file answer in JSON is dropped, and the saved upload kept.
    const answers: Answers = {};
    for (const [id, value] of Object.entries(parsed.data)) {
      if (typeof value !== 'object' || Array.isArray(value) || !('fileId' in value))
        Object.defineProperty(answers, id, { value, enumerable: true, writable: true, configurable: true });
    }
    const saved = await saveStep(c, token, answers, { sectionId: body.sectionId });
    if (saved.result.outcome === 'saved')
      return Object.keys(saved.errors).length ? c.json({ errors: saved.errors }, 400) : c.body(null, 204);
    if (saved.result.outcome === 'invalid') return c.json({ errors: saved.result.errors }, 400);
    return c.json(
      { errors: {}, outcome: saved.result.outcome },
      saved.result.outcome === 'unknown' ? 404 : 410,
    );
  },
);
