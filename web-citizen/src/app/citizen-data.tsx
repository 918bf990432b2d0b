import { useQuery } from "@apollo/client/react";
import { createContext, useContext, useState, type ReactNode } from "react";
import { useParams } from "react-router";
import { ErrorAlert, NotFound, useConsentEvents } from "@samtykke/web-kit";
import { useLanguage, type Language } from "../lib/i18n.js";
import { MY_CONSENT_CHANGES, MY_CONSENTS, type CitizenConsent } from "../features/consents/operations.js";

export interface CitizenData {
  me: { id: string; name: string; cprMasked: string };
  consents: CitizenConsent[];
  /** How many consent changes have arrived live; pages that show letters ask again after each. */
  changes: number;
}

const CitizenContext = createContext<CitizenData | null>(null);

/** The signed-in citizen and their consents, as loaded and kept live by `CitizenDataProvider`. */
export function useCitizen(): CitizenData {
  const data = useContext(CitizenContext);
  if (!data) throw new Error("useCitizen outside CitizenDataProvider");
  return data;
}

/** The consent or request the address names (`:id`), among those the citizen may see; else a page saying it is not there. */
export function ConsentFromRoute({ children }: { children: (consent: CitizenConsent) => ReactNode }) {
  const { id = "" } = useParams();
  const { t } = useLanguage();
  const consent = useCitizen().consents.find((candidate) => candidate.id === id);
  if (!consent) return <NotFound />;
  return children(consent);
}

/**
 * Loads the citizen's consents once and follows them live for every page: each change lands in the
 * cache (so every page shows it at once) and is announced to screen readers.
 */
export function CitizenDataProvider({ children }: { children: ReactNode }) {
  const { t, pick, status, language } = useLanguage();
  // Announced in the language it was made in; a switch of language leaves no stale text behind.
  const [announcement, setAnnouncement] = useState<{ text: string; language: Language }>();
  const [changes, setChanges] = useState(0);
  // Always from the server: the cursor read with the list must be as new as the list.
  const { data, loading, error } = useQuery(MY_CONSENTS, { fetchPolicy: "network-only" });
  const me = data?.me;

  useConsentEvents(MY_CONSENT_CHANGES, {
    variables: {},
    startAfter: me ? data.latestConsentCursor : undefined,
    list: { owner: "ROOT_QUERY", field: "myConsents" },
    onEvent: (event) => {
      const what = event.status === "REQUESTED" ? t("newRequest") : t("statusChanged");
      setAnnouncement({ text: `${what}: ${pick(event.consent.title)} – ${status(event.status)}`, language });
      setChanges((count) => count + 1);
    },
  });

  if (loading) return <p role="status">{t("loading")}</p>;
  if (error || !me) return <ErrorAlert error={error} />;
  return (
    <CitizenContext.Provider value={{ me, consents: data.myConsents, changes }}>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement?.language === language && announcement.text}
      </p>
      {children}
    </CitizenContext.Provider>
  );
}
