/** Every user-facing message exists in Chinese (zh-CN, faithful to the consensus wording) and English. */
export type LocalizedText = { readonly zh: string; readonly en: string };

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const text = (zh: string, en: string): LocalizedText => ({ zh, en });

/** The text in the requested language. */
export const localize = (message: LocalizedText, language: Language): string =>
  language === 'zh-CN' ? message.zh : message.en;

/** Joins localized fragments language by language. */
export const joinText = (
  parts: readonly LocalizedText[],
  separator: LocalizedText = text('；', '; '),
): LocalizedText => ({
  zh: parts.map((p) => p.zh).join(separator.zh),
  en: parts.map((p) => p.en).join(separator.en),
});

/** Picks a language from an Accept-Language header value; English unless Chinese is preferred. */
export const languageFromAcceptLanguage = (header: string | null | undefined): Language => {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.tag !== '' && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
};
