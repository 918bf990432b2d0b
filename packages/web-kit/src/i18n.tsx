import { createContext, useContext, useEffect } from "react";

export type Language = "da" | "en";
/** A text in Danish and English, as the API sends its texts too. */
export type LocalizedText = Record<Language, string>;

export type ConsentStatus = "REQUESTED" | "ACTIVE" | "PAUSED" | "DECLINED" | "WITHDRAWN" | "EXPIRED" | "USED" | "CLOSED" | "CANCELLED" | "UNANSWERED";

/** What each app says about itself, for the frame and the parts both apps share. */
export interface AppTexts {
  appTitle: LocalizedText;
  portalName: LocalizedText;
  /** Consent statuses in this app's words (a citizen and a caseworker read REQUESTED differently). */
  status: Record<ConsentStatus, LocalizedText>;
}

/** Consent statuses as a caseworker reads them; an app may word some differently. */
export const STATUS_TEXTS: Record<ConsentStatus, LocalizedText> = {
  REQUESTED: { da: "Anmodet", en: "Requested" },
  ACTIVE: { da: "Aktivt", en: "Active" },
  PAUSED: { da: "Sat på pause", en: "Paused" },
  DECLINED: { da: "Afvist", en: "Declined" },
  WITHDRAWN: { da: "Trukket tilbage", en: "Withdrawn" },
  EXPIRED: { da: "Udløbet", en: "Expired" },
  USED: { da: "Opbrugt", en: "Used" },
  CLOSED: { da: "Afsluttet", en: "Closed" },
  CANCELLED: { da: "Annulleret", en: "Cancelled" },
  UNANSWERED: { da: "Ubesvaret", en: "Unanswered" },
};

/** Texts of the shared parts, Danish first. */
export const SHARED_TEXTS = {
  skipToContent: { da: "Gå til indhold", en: "Skip to content" },
  // The button names the language it switches to, in that language.
  switchLanguage: { da: "English", en: "Dansk" },
  genericError: { da: "Noget gik galt. Prøv igen om lidt.", en: "Something went wrong. Please try again shortly." },
  yes: { da: "Ja", en: "Yes" },
  no: { da: "Nej", en: "No" },
  optional: { da: "valgfrit", en: "optional" },
  sessionExpired: { da: "Dit login er udløbet. Log ind igen for at fortsætte.", en: "Your login has expired. Sign in again to continue." },
  cancel: { da: "Fortryd", en: "Cancel" },
  // The headings of a consent's texts, as the citizen is shown them.
  dataCovered: { da: "Hvilke oplysninger", en: "What information" },
  partiesCovered: { da: "Hvem", en: "Who" },
  consequencesOfYes: { da: "Hvis du siger ja", en: "If you say yes" },
  consequencesOfNo: { da: "Hvis du siger nej", en: "If you say no" },
  howToWithdraw: { da: "Sådan trækker du samtykket tilbage", en: "How to withdraw the consent" },
  purpose: { da: "Formål", en: "Purpose" },
  closeDialog: { da: "Luk", en: "Close" },
  notFoundTitle: { da: "Siden findes ikke", en: "Page not found" },
  notFound: {
    da: "Vi kan ikke finde det, du leder efter. Det kan være trukket tilbage, eller du har ikke adgang til det.",
    en: "We cannot find what you are looking for. It may have been withdrawn, or you do not have access to it.",
  },
  backToFront: { da: "Tilbage til forsiden", en: "Back to the front page" },
} satisfies Record<string, LocalizedText>;

export const LanguageContext = createContext<{ language: Language; setLanguage: (language: Language) => void; app: AppTexts }>({
  language: "da",
  setLanguage: () => {},
  app: { appTitle: { da: "", en: "" }, portalName: { da: "", en: "" }, status: {} as AppTexts["status"] },
});

/** Binds an app's own texts: the hook gives the language, the way to change it, and the texts in it. */
export function createUseLanguage<K extends string>(texts: Record<K, LocalizedText>) {
  return function useLanguage() {
    const { language, setLanguage, app } = useContext(LanguageContext);
    return {
      language,
      setLanguage,
      app,
      t: (key: K) => texts[key][language],
      shared: (key: keyof typeof SHARED_TEXTS) => SHARED_TEXTS[key][language],
      pick: (text: LocalizedText) => text[language],
      status: (status: ConsentStatus) => app.status[status]?.[language] ?? status,
      date: (iso: string) => new Date(iso).toLocaleDateString(language === "da" ? "da-DK" : "en-GB", { dateStyle: "long" }),
      dateTime: (iso: string) => new Date(iso).toLocaleString(language === "da" ? "da-DK" : "en-GB", { dateStyle: "medium", timeStyle: "short" }),
    };
  };
}

/** For the shared parts, which know no app's own texts. */
export const useSharedLanguage = createUseLanguage(SHARED_TEXTS);

/** Sets the part of the document title that names the page; the app's title follows it. */
export const PageTitleContext = createContext<(title: string | undefined) => void>(() => {});

/** The page's own name in the browser tab and history, in the reader's language (never personal data). */
export function usePageTitle(title: string | undefined): void {
  const setTitle = useContext(PageTitleContext);
  useEffect(() => {
    setTitle(title);
    return () => setTitle(undefined);
  }, [setTitle, title]);
}
