import { createContext, useContext, useEffect, useState, type ReactNode } from "react";

export type Language = "da" | "en";
export type LocalizedText = { da: string; en: string };
export type Dictionary = Record<string, LocalizedText>;

const LanguageContext = createContext<{ language: Language; setLanguage: (language: Language) => void }>({
  language: "da",
  setLanguage: () => {},
});

/** Danish first; the choice sets <html lang> so screen readers speak the right language. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>("da");
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return <LanguageContext.Provider value={{ language, setLanguage }}>{children}</LanguageContext.Provider>;
}

/** The chosen language and the way to change it. */
export function useCurrentLanguage() {
  return useContext(LanguageContext);
}

/** Binds an app's dictionary: `t` translates its keys, `pick` a `{ da, en }` text from the API. */
export function createUseLanguage<D extends Dictionary>(dictionary: D) {
  return function useLanguage() {
    const { language, setLanguage } = useCurrentLanguage();
    return {
      language,
      setLanguage,
      t: (key: keyof D) => dictionary[key]![language],
      pick: (text: LocalizedText) => text[language],
      date: (iso: string) => new Date(iso).toLocaleDateString(language === "da" ? "da-DK" : "en-GB", { dateStyle: "long" }),
    };
  };
}
