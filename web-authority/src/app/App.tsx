import { useQuery } from "@apollo/client/react";
import { gql } from "@apollo/client";
import { useState } from "react";
import { AuthorityConsents } from "../features/consents/AuthorityConsents.js";
import { RequestConsentForm } from "../features/request/RequestConsentForm.js";
import { useLanguage } from "../lib/i18n.js";

const AUTHORITIES = gql`
  query Authorities {
    authorities(first: 100) { id name cvr }
  }
`;

export function App() {
  const { t, language, setLanguage } = useLanguage();
  const { data } = useQuery<{ authorities: { id: string; name: string; cvr: string }[] }>(AUTHORITIES);
  const [chosen, setChosen] = useState<string | null>(null);
  const authorityId = chosen ?? data?.authorities[0]?.id ?? null;
  return (
    <>
      <a className="skipnav" href="#main-content">
        {t("skipToContent")}
      </a>
      <header className="header">
        <div className="portal-header">
          <div className="container portal-header-inner">
            <span className="h3 m-0">{t("appTitle")}</span>
            <div className="portal-info">
              <button type="button" className="button button-secondary" lang={language === "da" ? "en" : "da"} onClick={() => setLanguage(language === "da" ? "en" : "da")}>
                {t("switchLanguage")}
              </button>
            </div>
          </div>
        </div>
      </header>
      <main id="main-content" className="container page-container">
        <h1>{t("appTitle")}</h1>
        <section className="alert alert-warning" aria-labelledby="test-login-title">
          <div className="alert-body">
            <h2 id="test-login-title" className="alert-heading">
              {t("testLoginTitle")}
            </h2>
            <div className="form-group">
              <label className="form-label" htmlFor="authority">
                {t("authorityLabel")}
              </label>
              <select id="authority" className="form-select" value={authorityId ?? ""} onChange={(e) => setChosen(e.target.value)}>
                {data?.authorities.map((authority) => (
                  <option key={authority.id} value={authority.id}>
                    {authority.name} (CVR {authority.cvr})
                  </option>
                ))}
              </select>
            </div>
          </div>
        </section>
        {authorityId && (
          <>
            <RequestConsentForm key={`form-${authorityId}`} authorityId={authorityId} />
            <AuthorityConsents key={`list-${authorityId}`} authorityId={authorityId} />
          </>
        )}
      </main>
    </>
  );
}
