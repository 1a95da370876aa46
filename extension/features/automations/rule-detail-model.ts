import { action, computed, createModel, signal } from '@preact/signals';
import type { z } from 'zod';
import type { DryRun, explainSchema, Rule, ruleRunSchema } from '../../../shared/schemas/automation-rules';
import { api, call } from '../../api/client';
import type { Notice } from '../../ui/notice';

type Run = z.infer<typeof ruleRunSchema>;
type Explanation = z.infer<typeof explainSchema>;

/**
 * One rule's page: the rule, its dry run (asked for before Play: Play stays
 * unavailable until this version's dry run is on screen), Play and Pause, what
 * it did, and "why / why not" for one case.
 */
export const RuleDetailModel = createModel((id: string) => {
  const rule = signal<Rule | null>(null);
  const dryRun = signal<DryRun | null>(null);
  /** The version the shown dry run was made for: an edit makes it stale. */
  const dryRunVersion = signal<number | null>(null);
  const runs = signal<Run[]>([]);
  const notice = signal<Notice | null>(null);
  const busy = signal(false);
  const explainCaseId = signal('');
  const explanation = signal<Explanation | null>(null);

  const fail = (e: unknown) => {
    notice.value = { text: (e as Error).message, error: true };
  };

  const loadRuns = async () => {
    runs.value = (await call(api['automation-rules'].runs.$get({ query: { ruleId: id } }))).items;
  };

  const load = action(async () => {
    try {
      rule.value = await call(api['automation-rules'][':id'].$get({ param: { id } }));
      await loadRuns();
    } catch (e) {
      fail(e);
    }
  });

  const runDry = action(async () => {
    busy.value = true;
    notice.value = null;
    try {
      dryRun.value = await call(api['automation-rules'][':id']['dry-run'].$post({ param: { id } }));
      dryRunVersion.value = rule.value?.version ?? null;
    } catch (e) {
      fail(e);
    } finally {
      busy.value = false;
    }
  });

  const setStatus = action(async (to: 'play' | 'pause') => {
    busy.value = true;
    notice.value = null;
    try {
      const endpoint = api['automation-rules'][':id'][to];
      rule.value = await call(endpoint.$post({ param: { id } }));
      notice.value = {
        text: to === 'play' ? 'Running. The next scheduled run acts on the matching cases.' : 'Paused.',
        error: false,
      };
    } catch (e) {
      fail(e);
    } finally {
      busy.value = false;
    }
  });

  const explain = action(async () => {
    const caseId = explainCaseId.value.trim();
    if (!caseId) return;
    explanation.value = null;
    try {
      explanation.value = await call(
        api['automation-rules'][':id'].explain.$get({ param: { id }, query: { caseId } }),
      );
    } catch (e) {
      fail(e);
    }
  });

  void load();
  return {
    rule,
    dryRun,
    runs,
    notice,
    busy,
    explainCaseId,
    explanation,
    /** Play needs this version's dry run seen first. */
    canPlay: computed(() => !!dryRun.value && dryRunVersion.value === rule.value?.version),
    /** The cases the page knows of (sample and history), to ask "why" about without typing an id. */
    knownCases: computed(() => [
      ...new Set([
        ...(dryRun.value?.sample.map((s) => s.caseId) ?? []),
        ...runs.value.map((r) => r.subjectId),
      ]),
    ]),
    runDry,
    play: action(() => setStatus('play')),
    pause: action(() => setStatus('pause')),
    explain,
    reloadRuns: action(async () => {
      try {
        await loadRuns();
      } catch (e) {
        fail(e);
      }
    }),
  };
});
