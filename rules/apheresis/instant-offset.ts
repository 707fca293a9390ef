/**
 * Instants shown in the offset they were recorded in, so an earliest collection time reads in the
 * hospital's local time (2026-03-01T08:00:00+08:00 plus 72 h is 2026-03-04T08:00:00+08:00).
 */
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/** The offset suffix of an ISO 8601 instant ("Z" or "+08:00"). */
export const offsetOf = (instant: string): string => {
  const match = OFFSET.exec(instant);
  if (!match?.[1]) throw new RangeError(`not an ISO 8601 instant with offset: ${instant}`);
  const suffix = match[1].toUpperCase();
  return suffix === 'Z' ? 'Z' : suffix.includes(':') ? suffix : `${suffix.slice(0, 3)}:${suffix.slice(3)}`;
};

const offsetMinutes = (offset: string): number => {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
};

const parse = (instant: string): number => {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO 8601 instant: ${instant}`);
  return ms;
};

/** An instant (epoch ms) written in the given offset, without milliseconds when they are zero. */
export const formatInOffset = (ms: number, offset: string): string => {
  const local = new Date(ms + offsetMinutes(offset) * MS_PER_MINUTE).toISOString().replace(/\.000Z$/, 'Z');
  return `${local.slice(0, -1)}${offset}`;
};

/** `instant` plus `hours`, in the same offset. */
export const addHoursInOffset = (instant: string, hours: number): string =>
  formatInOffset(parse(instant) + hours * MS_PER_HOUR, offsetOf(instant));

/** The calendar date of an instant in its own offset. */
export const localDateOf = (instant: string): string =>
  formatInOffset(parse(instant), offsetOf(instant)).slice(0, 10);

export const epochMs = parse;
