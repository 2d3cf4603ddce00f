import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18nValue } from './i18n-context';
import { ENGLISH, loadLanguage, preferredLanguage, storeLanguage, type Language, type LanguagePack } from './languages';

interface Props {
  children: ReactNode;
  /** For tests: start in this language instead of the remembered or the browser's one. */
  initialLanguage?: Language;
}

interface Loaded {
  language: Language;
  pack: LanguagePack;
}

const LOADED_ENGLISH: Loaded = { language: 'en', pack: ENGLISH };

export function I18nProvider({ children, initialLanguage }: Props) {
  const [wanted, setWanted] = useState<Language>(() => initialLanguage ?? preferredLanguage());
  // The shown language lags the wanted one while its chunk loads; the page stays usable meanwhile.
  const [loaded, setLoaded] = useState<Loaded | null>(() => (wanted === 'en' ? LOADED_ENGLISH : null));

  const shownLanguage = loaded?.language;
  useEffect(() => {
    if (shownLanguage === wanted) return;
    let current = true;
    void loadLanguage(wanted).then(
      (pack) => current && setLoaded({ language: wanted, pack }),
      () => current && setLoaded((previous) => previous ?? LOADED_ENGLISH),
    );
    return () => {
      current = false;
    };
  }, [wanted, shownLanguage]);

  useEffect(() => {
    if (loaded) document.documentElement.lang = loaded.language;
  }, [loaded]);

  const setLanguage = useCallback((language: Language) => {
    storeLanguage(language);
    setWanted(language);
  }, []);

  const value = useMemo<I18nValue | null>(
    () => (loaded ? { ...loaded.pack, language: loaded.language, setLanguage } : null),
    [loaded, setLanguage],
  );

  // Only on the very first load of a stored non-English choice: render nothing rather than flash
  // English for the few milliseconds the chunk takes.
  if (value === null) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
