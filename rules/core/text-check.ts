import type { LocalizedText } from './text.ts';

/** A Han (Chinese) character: the zh text of every message must contain at least one. */
const HAN = /\p{Script=Han}/u;

/** A value shaped like LocalizedText: an object with string `zh` and `en`. */
export const isLocalizedText = (value: unknown): value is LocalizedText =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { zh?: unknown }).zh === 'string' &&
  typeof (value as { en?: unknown }).en === 'string';

/** Problems with one bilingual text: empty zh/en, zh without Chinese characters, en with them. */
export const localizedTextProblemsOf = (message: LocalizedText): string[] => {
  const problems: string[] = [];
  if (message.zh.trim() === '') problems.push('zh is empty');
  else if (!HAN.test(message.zh))
    problems.push(`zh has no Chinese characters: ${JSON.stringify(message.zh)}`);
  if (message.en.trim() === '') problems.push('en is empty');
  else if (HAN.test(message.en))
    problems.push(`en contains Chinese characters: ${JSON.stringify(message.en)}`);
  return problems;
};

/**
 * Walks any value (an evaluation, a messages object, …) and checks every LocalizedText found in it.
 * `texts` counts the texts seen, so a caller can assert that something was actually checked.
 */
export const localizedTextProblems = (value: unknown, path = '$'): { texts: number; problems: string[] } => {
  const result = { texts: 0, problems: [] as string[] };
  const visit = (node: unknown, at: string): void => {
    if (isLocalizedText(node)) {
      result.texts += 1;
      for (const problem of localizedTextProblemsOf(node)) result.problems.push(`${at}: ${problem}`);
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        visit(item, `${at}[${index}]`);
      });
      return;
    }
    if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) visit(child, `${at}.${key}`);
    }
  };
  visit(value, path);
  return result;
};
