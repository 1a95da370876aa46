/**
 * For a page that reloads after each change: only the newest load's answer is
 * shown. A reload after a save can answer before the page's first load (a
 * slow or resent read), and that older answer must not then put the old data
 * back. An older load's failure is dropped too, so it cannot cover a newer success.
 */
export function newestWins() {
  let latest = 0;
  return async function keepNewest<T>(read: () => Promise<T>, show: (value: T) => void): Promise<void> {
    const ticket = ++latest;
    let value: T;
    try {
      value = await read();
    } catch (e) {
      if (ticket === latest) throw e;
      return;
    }
    if (ticket === latest) show(value);
  };
}
