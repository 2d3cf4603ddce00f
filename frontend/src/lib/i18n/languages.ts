import type { Locale } from 'antd/es/locale';
import { readStored, writeStored } from '@/lib/dom/browser-storage';
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

/**
 * The language to start in: the one the user chose (remembered in this browser), or else the first
 * of the browser's preferred languages that the console speaks. Any Chinese counts as Simplified
 * Chinese, the only one it has; a browser that asks for neither gets English.
 */
export function preferredLanguage(preferred: readonly string[] = browserLanguages()): Language {
  return storedLanguage() ?? matchingLanguage(preferred) ?? 'en';
}

function matchingLanguage(preferred: readonly string[]): Language | undefined {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return undefined;
}

function browserLanguages(): readonly string[] {
  // navigator.languages is empty in some embedded browsers; navigator.language is then the one.
  const { languages, language } = globalThis.navigator;
  return languages.length > 0 ? languages : [language];
}

function storedLanguage(): Language | undefined {
  const value = readStored(STORAGE_KEY);
  return LANGUAGES.find((language) => language === value);
}

export function storeLanguage(language: Language): void {
  writeStored(STORAGE_KEY, language);
}
