import { isLocalizedText, localizedTextProblemsOf } from './text-check.ts';
import type { LocalizedText } from './text.ts';

/** A Han (Chinese) character. */
const CHINESE = /\p{Script=Han}/u;

export const containsChinese = (value: string): boolean => CHINESE.test(value);

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
 * What is wrong with the bilingual texts inside `value`, each prefixed with its path (the checks of
 * localizedTextProblemsOf: zh empty or without Chinese characters, en empty or with Chinese
 * characters). An empty list means every text is complete in both languages.
 */
export const localizationProblems = (value: unknown): string[] =>
  collectLocalizedTexts(value).flatMap(({ path, text }) =>
    localizedTextProblemsOf(text).map((problem) => `${path || 'text'}: ${problem}`),
  );

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
