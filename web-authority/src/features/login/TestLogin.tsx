import { gql, type TypedDocumentNode } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { useEffect } from "react";
import { ErrorAlert, Icon } from "@samtykke/web-kit";
import { useLanguage } from "../../lib/i18n.js";

const AUTHORITIES: TypedDocumentNode<{ authorities: { id: string; name: string; cvr: string }[] }, Record<string, never>> = gql`
  query Authorities {
    authorities(first: 100) { id name cvr }
  }
`;

/** Stand-in for the authority's own login until it lands: clearly marked; the first authority by default. */
export function TestLogin({ authorityId, onChange }: { authorityId: string | null; onChange: (authorityId: string) => void }) {
  const { t } = useLanguage();
  const { data, error } = useQuery(AUTHORITIES);
  const first = data?.authorities[0]?.id;
  useEffect(() => {
    if (!authorityId && first) onChange(first);
  }, [authorityId, first, onChange]);
  return (
    <section className="alert alert-warning" aria-labelledby="test-login-title">
      <Icon name="warning" className="alert-icon" />
      <div className="alert-body">
        <h2 id="test-login-title" className="alert-heading">
          {t("testLoginTitle")}
        </h2>
        <p className="alert-text">{t("testLoginHelp")}</p>
        {error && <ErrorAlert error={error} />}
        <div className="form-group mt-4">
          <label className="form-label" htmlFor="login-authority">
            {t("authorityLabel")}
          </label>
          <select id="login-authority" className="form-select" value={authorityId ?? ""} onChange={(event) => onChange(event.target.value)}>
            {data?.authorities.map((authority) => (
              <option key={authority.id} value={authority.id}>
                {authority.name} (CVR {authority.cvr})
              </option>
            ))}
          </select>
        </div>
      </div>
    </section>
  );
}
