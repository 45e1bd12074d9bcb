/**
 * Picks the user's language: Chinese for `zh-*` locales, English otherwise.
 */
import type { LocalizedText } from '../engine';

/**
 * The locale of the environment the server was started in, for clients that send none in
 * `initialize` (Emacs eglot, Helix…): `LC_ALL`, then `LC_MESSAGES`, then `LANG`, as the CLI reads them.
 *
 * @example systemLocale({ LANG: 'zh_CN.UTF-8' }) // 'zh_CN.UTF-8' → languageOf gives 'zh' (中文)
 */
export function systemLocale(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.LC_ALL || env.LC_MESSAGES || env.LANG || undefined;
}

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
