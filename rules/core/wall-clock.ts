/**
 * The wall clock of a time zone at an instant: year, month, day, hour and minute as a person there
 * reads them. One `Intl.DateTimeFormat` per zone, made on first use: making one costs about a tenth
 * of a millisecond, which a fold over thousands of vital signs would otherwise pay once per record.
 */
export type WallClock = {
  readonly year: string;
  readonly month: string;
  readonly day: string;
  readonly hour: string;
  readonly minute: string;
};

const FORMATS = new Map<string, Intl.DateTimeFormat>();

const formatIn = (timeZone: string): Intl.DateTimeFormat => {
  let format = FORMATS.get(timeZone);
  if (format === undefined) {
    // An unknown zone throws here (RangeError) and is never kept.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    FORMATS.set(timeZone, format);
  }
  return format;
};

/** The wall clock of `timeZone` at `instant`, each part zero-padded ("2026", "03", "01", "03", "10"). */
export const wallClockIn = (instant: Date, timeZone: string): WallClock => {
  const parts = formatIn(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
  };
};
