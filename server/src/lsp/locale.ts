/**
 * Picks the user's language: Chinese for `zh-*` locales, English otherwise.
 */
import type { LocalizedText } from '../engine';

/** The language of user-facing text. */
export type Language = 'zh' | 'en';

/**
 * @example languageOf('zh-cn') // 'zh'
 * @example languageOf('en-US') // 'en'
 */
export function languageOf(locale: string | undefined): Language {
  return locale && locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The text in the user's language. */
export function localize(text: LocalizedText, language: Language): string {
  return text[language];
}
