import { AppError } from '../../lib/app-error';

const DEFAULT_DAYS = 90;

/** The analytics period from optional query bounds: up to now (and a second, so a lead made this instant counts), 90 days back. */
export function analyticsPeriod(query: { from?: string; to?: string }): { from: string; to: string } {
  const to = query.to ? new Date(query.to).toISOString() : new Date(Date.now() + 1000).toISOString();
  const from = query.from
    ? new Date(query.from).toISOString()
    : new Date(Date.parse(to) - DEFAULT_DAYS * 86_400_000).toISOString();
  if (from >= to)
    throw new AppError('validation_failed', 'The period must start before it ends', [
      { path: 'from', issue: 'after to' },
    ]);
  return { from, to };
}
