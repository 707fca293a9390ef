import { describe, expect, it } from 'vitest';
import {
  collectLocalizedTexts,
  containsChinese,
  localizationProblems,
  renderMessages,
} from './localization-check.ts';
import type { MessageSamples } from './localization-check.ts';

describe('localization checks', () => {
  it('finds every bilingual text with its path and reports incomplete ones', () => {
    const value = { a: { zh: '中文', en: 'English' }, list: [{ text: { zh: 'no chinese', en: '' } }] };
    expect(collectLocalizedTexts(value).map((t) => t.path)).toEqual(['a', 'list[0].text']);
    expect(localizationProblems(value)).toEqual([
      'list[0].text: zh has no Chinese characters: "no chinese"',
      'list[0].text: en is empty',
    ]);
    expect(localizationProblems({ zh: '好', en: '好' })).toEqual([
      'text: en contains Chinese characters: "好"',
    ]);
    expect(containsChinese('CRS 2级')).toBe(true);
    expect(containsChinese('CRS grade 2')).toBe(false);
  });

  it('renders every message of a catalogue with its samples, and refuses a function without samples', () => {
    const messages = {
      plain: { zh: '是', en: 'yes' },
      grade: (g: number) => ({ zh: `${g}级`, en: `grade ${g}` }),
    };
    const samples: MessageSamples<typeof messages> = { plain: null, grade: [[1], [2]] };
    expect(renderMessages(messages, samples)).toEqual({
      plain: { zh: '是', en: 'yes' },
      'grade#0': { zh: '1级', en: 'grade 1' },
      'grade#1': { zh: '2级', en: 'grade 2' },
    });
    expect(() => renderMessages(messages, { plain: null, grade: [] })).toThrow(
      'no sample arguments for message grade',
    );
  });
});
