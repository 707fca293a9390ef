import type { LocalizedText } from './text.ts';

/** CJK Unified Ideographs: a zh text must contain at least one Chinese character. */
const CHINESE = /[\u4e00-\u9fff]/;

export const containsChinese = (value: string): boolean => CHINESE.test(value);

const isLocalizedText = (value: unknown): value is LocalizedText =>
  typeof value === 'object' &&
  value !== null &&
  'zh' in value &&
  'en' in value &&
  typeof (value as { zh: unknown }).zh === 'string' &&
  typeof (value as { en: unknown }).en === 'string';

/**
 * Every bilingual text found anywhere inside `value` (objects and arrays, walked depth-first),
 * with its path, e.g. "recommendations[0].text".
 */
export const collectLocalizedTexts = (
  value: unknown,
  path = '',
): { readonly path: string; readonly text: LocalizedText }[] => {
  if (isLocalizedText(value)) return [{ path, text: value }];
  if (Array.isArray(value))
    return value.flatMap((item, index) => collectLocalizedTexts(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) =>
      collectLocalizedTexts(item, path ? `${path}.${key}` : key),
    );
  }
  return [];
};

/**
 * What is wrong with the bilingual texts inside `value`: a zh text without Chinese characters or
 * an empty en text. An empty list means every text is complete in both languages.
 */
export const localizationProblems = (value: unknown): string[] =>
  collectLocalizedTexts(value).flatMap(({ path, text }) => [
    ...(containsChinese(text.zh)
      ? []
      : [`${path || 'text'}.zh has no Chinese characters: ${JSON.stringify(text.zh)}`]),
    ...(text.en.trim() === '' ? [`${path || 'text'}.en is empty`] : []),
  ]);

/** A messages object: bilingual texts, or functions that build one from their arguments. */
export type MessageCatalogue = Readonly<
  Record<string, LocalizedText | ((...args: never[]) => LocalizedText)>
>;

/** For each message function of a catalogue, the argument lists to render it with (null for plain texts). */
export type MessageSamples<M extends MessageCatalogue> = {
  readonly [K in keyof M]: M[K] extends (...args: infer A) => LocalizedText ? readonly A[] : null;
};

/** Every text of a catalogue: plain texts as they are, functions rendered with each sample (at least one each). */
export const renderMessages = <M extends MessageCatalogue>(
  messages: M,
  samples: MessageSamples<M>,
): Record<string, LocalizedText> => {
  const rendered: Record<string, LocalizedText> = {};
  for (const key of Object.keys(messages) as (keyof M & string)[]) {
    const message = messages[key];
    if (typeof message === 'function') {
      const argumentLists = (samples[key] ?? []) as unknown as readonly (readonly never[])[];
      if (argumentLists.length === 0) throw new Error(`no sample arguments for message ${key}`);
      argumentLists.forEach((args, index) => {
        rendered[`${key}#${index}`] = message(...args);
      });
    } else if (message !== undefined) {
      rendered[key] = message;
    }
  }
  return rendered;
};
