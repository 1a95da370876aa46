import type { Db } from '../../../db/client';
import { intakeRequests } from '../../../db/schema';
import type { Answers } from '../../../shared/intake/definition';
import { validateAnswers } from '../../../shared/intake/engine';
import type { AuditLog } from '../../lib/audit-log';
import { iso } from '../../lib/time';
import {
  type AnswerOptions,
  type AnswersRefused,
  answersFor,
  asPublic,
  type ClosedForm,
  type DraftSaved,
  isClosed,
  load,
  recordDateOfBirth,
  stillOpen,
  today,
} from './public-form';

/**
 * Saves answers as a draft: checked for type and limits, nothing required
 * yet. The first save marks the request in progress.
 */
export async function saveDraft(
  db: Db,
  audit: AuditLog,
  token: string,
  posted: Answers,
  now = Date.now(),
  options: AnswerOptions = {},
): Promise<DraftSaved | AnswersRefused | ClosedForm> {
  const loaded = await load(db, token, now);
  if (isClosed(loaded)) return loaded;
  const { request } = loaded;
  audit.actor = { organizationId: request.organizationId, userId: null };
  const { answers, fileErrors } = answersFor(loaded, posted, options);
  const checked = validateAnswers(loaded.definition, answers, {
    draft: true,
    today: today(now),
    subjectDateOfBirth: await recordDateOfBirth(db, request),
    ...(options.sectionId ? { sectionId: options.sectionId } : {}),
  });
  const errors = { ...(checked.ok ? {} : checked.errors), ...fileErrors };
  if (Object.keys(errors).length) return { outcome: 'invalid', errors, answers: checked.answers };
  const savedAt = iso(now);
  await db.batch([
    db
      .update(intakeRequests)
      .set({
        draftAnswers: checked.answers,
        draftSavedAt: savedAt,
        status: 'in_progress',
        openedAt: request.openedAt ?? savedAt,
        startedAt: request.startedAt ?? savedAt,
        updatedAt: savedAt,
      })
      .where(stillOpen(request)),
    audit.statement(
      asPublic(request, {
        action: 'update',
        entityType: 'intake_draft',
        entityId: request.id,
        detail: { answered: Object.keys(checked.answers).length, section: options.sectionId ?? null },
      }),
    ),
  ]);
  return { outcome: 'saved', savedAt, answers: checked.answers };
}
