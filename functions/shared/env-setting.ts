/** How a numeric setting from the environment may look. */
export type NumberSettingRange = {
  /** Used when the variable is unset. */
  readonly fallback: number;
  readonly min: number;
  readonly max: number;
  /** Whole numbers only. */
  readonly whole?: boolean;
  /** The unit, for the error message (e.g. "minutes"). */
  readonly unit: string;
};

/**
 * A numeric deployment setting: the fallback when unset, else a number within [min, max]. Anything
 * else stops the start with an error naming the variable, the range and the value received.
 */
export const numberSetting = (name: string, value: string | undefined, range: NumberSettingRange): number => {
  if (value === undefined) return range.fallback;
  const number = value.trim() === '' ? Number.NaN : Number(value);
  const valid =
    (range.whole ? Number.isInteger(number) : Number.isFinite(number)) &&
    number >= range.min &&
    number <= range.max;
  if (!valid)
    throw new Error(
      `${name} must be a ${range.whole ? 'whole ' : ''}number of ${range.unit} from ${range.min} to ${range.max}; received ${value}`,
    );
  return number;
};
