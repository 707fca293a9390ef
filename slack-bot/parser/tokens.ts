/** One word of a command: `key=value` (also `key＝value`), or a bare word. */
export type Token = { readonly raw: string; readonly key?: string; readonly value?: string };

/** Slack escapes &, < and > in command text. */
const unescapeSlack = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * Splits command text into words on any whitespace (full-width spaces too). A word with `=`
 * (or the full-width `＝`) is a `key=value`; the key is lower-cased, the value kept as typed.
 * Slack mentions (`<!subteam^S…|@name>`) stay one word.
 */
export const tokenize = (text: string): Token[] =>
  unescapeSlack(text)
    .replace(/＝/g, '=')
    .split(/[\s\u3000]+/)
    .filter((word) => word !== '')
    .map((raw) => {
      const at = raw.indexOf('=');
      if (at <= 0) return { raw };
      return { raw, key: raw.slice(0, at).toLowerCase(), value: raw.slice(at + 1) };
    });
