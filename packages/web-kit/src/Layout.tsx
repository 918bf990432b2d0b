import type { ReactNode } from "react";
import { useSharedLanguage } from "./i18n.js";

/**
 * The page frame: skip link, dkfds header with the language switch, an optional main navigation,
 * and the main landmark. The main heading is the app's title unless `heading` is given; an app whose
 * pages each have their own heading passes `heading={null}`.
 */
export function Layout({ actions, navigation, heading, children }: { actions?: ReactNode; navigation?: ReactNode; heading?: ReactNode | null; children: ReactNode }) {
  const { shared, pick, app, language, setLanguage } = useSharedLanguage();
  const other = language === "da" ? "en" : "da";
  return (
    <>
      <a className="skipnav" href="#main-content">
        {shared("skipToContent")}
      </a>
      <header className="header">
        <div className="portal-info">
          <div className="portal-info-inner container">
            <span className="logo" role="img" aria-label={pick(app.portalName)} />
          </div>
        </div>
        <div className="solution-info">
          <div className="solution-info-inner container">
            <div className="solution-heading">
              <span>{pick(app.appTitle)}</span>
            </div>
            <div className="d-flex align-items-center flex-wrap">
              <button type="button" className="function-link" lang={other} onClick={() => setLanguage(other)}>
                {shared("switchLanguage")}
              </button>
              {actions}
            </div>
          </div>
        </div>
        {navigation}
      </header>
      <main id="main-content" tabIndex={-1} className="container page-container">
        {heading === undefined ? <h1>{pick(app.appTitle)}</h1> : heading}
        {children}
      </main>
    </>
  );
}
