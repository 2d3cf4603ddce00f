import type { Locale } from 'antd/es/locale';
import { en, type Messages } from './messages/en';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

export interface LanguagePack {
  messages: Messages;
  /** Ant Design's own texts (pagination, empty tables…); undefined means its built-in English. */
  antdLocale: Locale | undefined;
}

export const ENGLISH: LanguagePack = { messages: en, antdLocale: undefined };

/** Loads a language's texts. Chinese is a separate chunk so English users never download it. */
export async function loadLanguage(language: Language): Promise<LanguagePack> {
  if (language === 'en') return ENGLISH;
  const [{ zhCN }, antdZh] = await Promise.all([import('./messages/zh-CN'), import('antd/es/locale/zh_CN')]);
  return { messages: zhCN, antdLocale: antdZh.default };
}

const STORAGE_KEY = 'dsm.language';

export function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.find((language) => language === value) ?? 'en';
  } catch {
    return 'en';
  }
}

export function storeLanguage(language: Language): void {
  try {
    globalThis.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or disabled storage: the choice just does not survive a reload.
  }
}
