import type { ApolloCache } from "@apollo/client";
import type { ReactNode } from "react";
import { errorMessage } from "./errors.js";
import { useCurrentLanguage } from "./i18n.js";

const SHELL_TEXTS = {
  skipToContent: { da: "Gå til indhold", en: "Skip to content" },
  // The button names the language it switches to, in that language.
  switchLanguage: { da: "English", en: "Dansk" },
};

/** The page frame both apps share: skip link, dkfds header with the language switch, main landmark. */
export function AppShell({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const { language, setLanguage } = useCurrentLanguage();
  const other = language === "da" ? "en" : "da";
  return (
    <>
      <a className="skipnav" href="#main-content">
        {SHELL_TEXTS.skipToContent[language]}
      </a>
      <header className="header">
        <div className="portal-header">
          <div className="container portal-header-inner">
            <span className="h3 m-0">{title}</span>
            <div className="portal-info">
              <button type="button" className="button button-secondary" lang={other} onClick={() => setLanguage(other)}>
                {SHELL_TEXTS.switchLanguage[language]}
              </button>
              {actions}
            </div>
          </div>
        </div>
      </header>
      <main id="main-content" className="container page-container">
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}

/** An API error in the reader's language, announced to screen readers. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { language } = useCurrentLanguage();
  return (
    <div className="alert alert-error" role="alert">
      <div className="alert-body">
        <p className="alert-text">{errorMessage(error, language)}</p>
      </div>
    </div>
  );
}

/**
 * Puts a consent that arrived by subscription at the top of a cached list (`owner.field`) unless it
 * is there; changes to one already listed need nothing, the normalised cache updates it in place.
 */
export function addToCachedList(cache: ApolloCache, owner: { __typename: string; id: string }, field: string, consentId: string): void {
  const ref = cache.identify({ __typename: "Consent", id: consentId });
  if (!ref) return;
  cache.modify({
    id: cache.identify(owner),
    fields: {
      [field]: (existing: readonly { __ref: string }[] = []) => (existing.some((item) => item.__ref === ref) ? existing : [{ __ref: ref }, ...existing]),
    },
  });
}
