import { useQuery } from "@apollo/client/react";
import { gql } from "@apollo/client";
import { AppShell } from "@samtykke/web-kit";
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
  const { t } = useLanguage();
  const { data } = useQuery<{ authorities: { id: string; name: string; cvr: string }[] }>(AUTHORITIES);
  const [chosen, setChosen] = useState<string | null>(null);
  const authorityId = chosen ?? data?.authorities[0]?.id ?? null;
  return (
    <AppShell title={t("appTitle")}>
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
    </AppShell>
  );
}
