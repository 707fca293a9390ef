import { describe, expect, it } from 'vitest';
import { localizationProblems } from '../core/index.ts';
import {
  NOT_AVAILABLE,
  NOT_REACHED,
  NOT_REPORTED,
  describeValue,
  printedValue,
  reported,
} from './reported-value.ts';

describe('ReportedValue', () => {
  it('prints values and the three kinds of missing value as the table does', () => {
    expect(printedValue(reported(8.3))).toBe('8.3');
    expect(printedValue(reported(0))).toBe('0');
    expect(printedValue(NOT_AVAILABLE)).toBe('N/A');
    expect(printedValue(NOT_REPORTED)).toBe('NR');
    expect(printedValue(NOT_REACHED)).toBe('未达到');
  });

  it('describes them in both languages, never as zero', () => {
    expect(describeValue(reported(22.7), ' 个月').zh).toBe('22.7 个月');
    expect(describeValue(NOT_AVAILABLE).en).toBe('not reported (N/A)');
    expect(describeValue(NOT_REPORTED).zh).toBe('未报告(NR)');
    expect(describeValue(NOT_REACHED)).toEqual({ zh: '未达到', en: 'not reached' });
    for (const cell of [NOT_AVAILABLE, NOT_REPORTED, NOT_REACHED]) {
      expect(describeValue(cell).en).not.toMatch(/\b0\b/);
      expect(localizationProblems(describeValue(cell))).toEqual([]);
    }
  });
});
