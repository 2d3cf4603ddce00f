import { createContext, useContext } from 'react';
import type { Language, LanguagePack } from './languages';
import type { Messages } from './messages/en';

export interface I18nValue extends LanguagePack {
  language: Language;
  setLanguage: (language: Language) => void;
}

export const I18nContext = createContext<I18nValue | null>(null);

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The current language's texts: `const m = useMessages(); m.list.title`. */
export function useMessages(): Messages {
  return useI18n().messages;
}
