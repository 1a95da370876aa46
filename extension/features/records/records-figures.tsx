import { createModel, signal, useModel } from '@preact/signals';
import type { RecordsFigures } from '../../../shared/schemas/records';
import { api, call } from '../../api/client';

const PERIOD_DAYS = 90;

/** The last 90 days' figures for the board's header. */
const RecordsFiguresModel = createModel(() => {
  const figures = signal<RecordsFigures | null>(null);
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - PERIOD_DAYS * 86_400_000).toISOString().slice(0, 10);
  call(api['records-figures'].$get({ query: { from, to } })).then(
    (f) => {
      figures.value = f;
    },
    () => undefined,
  );
  return { figures };
});

export function RecordsFiguresLine() {
  const f = useModel(RecordsFiguresModel).figures.value;
  if (!f) return null;
  const days = (n: number | null) => (n === null ? '–' : `${n} d`);
  return (
    <p class="muted small" data-testid="records-figures">
      Last {PERIOD_DAYS} days: {f.received} received, {f.completed} completed · median{' '}
      {days(f.medianTurnaroundDays)}, 90th percentile {days(f.p90TurnaroundDays)} · on time{' '}
      {f.onTimeShare === null ? '–' : `${Math.round(f.onTimeShare * 100)}%`}
    </p>
  );
}
