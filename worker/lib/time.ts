export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const iso = (ms: number = Date.now()) => new Date(ms).toISOString();
export const ms = (isoTime: string) => Date.parse(isoTime);
