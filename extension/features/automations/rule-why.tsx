import { formatDateTime } from '../../../shared/locale-dates';
import type { RuleCondition } from '../../../shared/schemas/automation-rules';
import type { RuleDetailModel } from './rule-detail-model';

type Model = InstanceType<typeof RuleDetailModel>;

import { describeCondition } from './rule-fields';

/** The first failing check in words: a condition with the case's own value, the locations or the date window. */
function failedCheck(
  population: string,
  failed: { check: string; condition: RuleCondition | null; actual: string | number | null },
) {
  if (failed.condition)
    return `${describeCondition(population, failed.condition)} fails: the case has ${
      failed.actual === null ? 'no value' : String(failed.actual)
    }.`;
  if (failed.check === 'location') return 'The case is at a location the rule does not look at.';
  if (failed.check === 'date window') return 'The case is outside the rule’s date window today.';
  return `A group of conditions fails (${failed.check}).`;
}

/** "Why / why not" for one case: the rule's runs on it, or the first check that fails now. */
export function RuleWhy({ model, population }: { model: Model; population: string }) {
  const e = model.explanation.value;
  return (
    <section aria-labelledby="why-title">
      <h4 id="why-title">Why / why not</h4>
      <div class="inline-form">
        <label for="why-case" class="sr-only">
          Case
        </label>
        <input
          id="why-case"
          list="why-cases"
          placeholder="Case id"
          value={model.explainCaseId.value}
          onInput={(ev) => {
            model.explainCaseId.value = ev.currentTarget.value;
          }}
        />
        <datalist id="why-cases">
          {model.knownCases.value.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
        <button type="button" class="secondary auto-width" onClick={() => model.explain()}>
          Explain
        </button>
      </div>
      {e ? (
        <div class="small" data-testid="rule-why" role="status">
          <p>{e.matchesNow ? 'The case matches now.' : 'The case does not match now.'}</p>
          {e.firstFailed ? <p>{failedCheck(population, e.firstFailed)}</p> : null}
          {e.runs.length ? (
            <ul class="history">
              {e.runs.map((r) => (
                <li key={`${r.version}-${r.occurrence}`}>
                  Acted {formatDateTime(r.at)} (version {r.version})
                </li>
              ))}
            </ul>
          ) : (
            <p>The rule has not acted on this case.</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
