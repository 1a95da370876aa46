import { ApiError } from '../utils/api-client';

/**
 * How long a script in a tab may take to read it. Reading is bounded work
 * (at most 500,000 characters); past this the page is frozen, busy or going
 * away, and the panel must say so instead of showing "Reading the page…" for ever.
 */
export const PAGE_ANSWER_MS = 15_000;

export const PAGE_NOT_ANSWERING = 'The page did not answer. Reload it, then try again.';

/** `work`'s answer, or a 504 with a readable message once `ms` have passed. */
export function pageAnswer<T>(work: Promise<T>, ms = PAGE_ANSWER_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ApiError(504, { code: 'page_not_answering', message: PAGE_NOT_ANSWERING })),
      ms,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
