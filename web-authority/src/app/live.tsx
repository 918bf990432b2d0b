import { useQuery } from "@apollo/client/react";
import { createContext, useContext, useState, type ReactNode } from "react";
import { Link } from "react-router";
import { Alert, ErrorAlert, useConsentEvents } from "@samtykke/web-kit";
import { useLanguage, type Language } from "../lib/i18n.js";
import { AUTHORITY_CONSENT_CHANGES, LATEST_CURSOR, type AuthorityConsent } from "../features/consents/operations.js";

interface AuthorityLive {
  authorityId: string;
  /** How many changes have arrived live; a page that lists or counts consents asks again after each. */
  changes: number;
  /** The consent the latest change was to. */
  lastChangedId: string | undefined;
}

const LiveContext = createContext<AuthorityLive | null>(null);

export function useAuthorityLive(): AuthorityLive {
  const live = useContext(LiveContext);
  if (!live) throw new Error("useAuthorityLive outside AuthorityLiveProvider");
  return live;
}

/**
 * Follows every change to the authority's consents for all pages: each changed consent lands in the
 * cache (a row or page showing it updates in place), the lists and counts ask again, and the change
 * is shown at the top of the page and announced to screen readers.
 */
export function AuthorityLiveProvider({ authorityId, children }: { authorityId: string; children: ReactNode }) {
  const { t, pick, status, language } = useLanguage();
  const [changes, setChanges] = useState(0);
  const [last, setLast] = useState<{ consent: AuthorityConsent; text: string; language: Language }>();
  // Always from the server: the events are followed from the newest one there is now.
  const cursor = useQuery(LATEST_CURSOR, { fetchPolicy: "network-only" });

  useConsentEvents(AUTHORITY_CONSENT_CHANGES, {
    variables: { authorityId },
    startAfter: cursor.data?.latestConsentCursor,
    onEvent: (event) => {
      const what = event.status === "REQUESTED" ? t("newRequest") : t("statusChanged");
      setLast({ consent: event.consent, text: `${what}: ${event.consent.subject.name}, ${pick(event.consent.title)} – ${status(event.status)}`, language });
      setChanges((count) => count + 1);
    },
  });

  return (
    <LiveContext.Provider value={{ authorityId, changes, lastChangedId: last?.consent.id }}>
      {cursor.error && <ErrorAlert error={cursor.error} />}
      {last && (
        <Alert kind="info" className="mb-5 live-change">
          <p className="alert-heading">{t("liveChange")}</p>
          {/* Announced once, politely; the visible text says the same in the language it was made in. */}
          <p className="alert-text" role="status" aria-live="polite">
            {last.language === language && last.text}
          </p>
          <p className="alert-text">
            <Link to={`/samtykker/${last.consent.id}`}>{t("seeConsent")}</Link>
            <button type="button" className="function-link ml-5" onClick={() => setLast(undefined)}>
              {t("dismiss")}
            </button>
          </p>
        </Alert>
      )}
      {children}
    </LiveContext.Provider>
  );
}
