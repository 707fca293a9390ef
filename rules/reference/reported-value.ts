import type { LocalizedText } from '../core/index.ts';
import { messages } from './messages.ts';

/**
 * A table cell that may be a number, not reported ("N/A" — the T1 note defines it as 未报告 — or
 * "NR"), or not reached ("未达到", a median survival not reached). The three stay distinguishable
 * and a missing value is never zero.
 */
export type ReportedValue =
  | { readonly kind: 'value'; readonly value: number }
  | { readonly kind: 'not-reported'; readonly printed: 'N/A' | 'NR' }
  | { readonly kind: 'not-reached'; readonly printed: '未达到' };

export const reported = (value: number): ReportedValue => ({ kind: 'value', value });
export const NOT_AVAILABLE: ReportedValue = { kind: 'not-reported', printed: 'N/A' };
export const NOT_REPORTED: ReportedValue = { kind: 'not-reported', printed: 'NR' };
export const NOT_REACHED: ReportedValue = { kind: 'not-reached', printed: '未达到' };

/** The value as the table prints it: the number, "N/A", "NR" or "未达到". */
export const printedValue = (cell: ReportedValue): string =>
  cell.kind === 'value' ? String(cell.value) : cell.printed;

/** The value for a reader: the number with its unit, or "not reported" / "not reached" in words. */
export const describeValue = (cell: ReportedValue, unit = ''): LocalizedText => {
  switch (cell.kind) {
    case 'value':
      return { zh: `${cell.value}${unit}`, en: `${cell.value}${unit}` };
    case 'not-reported':
      return {
        zh: `${messages.notReported.zh}(${cell.printed})`,
        en: `${messages.notReported.en} (${cell.printed})`,
      };
    case 'not-reached':
      return { zh: messages.notReached.zh, en: messages.notReached.en };
  }
};
