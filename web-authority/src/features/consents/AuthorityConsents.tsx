import { useQuery, useSubscription } from "@apollo/client/react";
import { addToCachedList, ErrorAlert, statusLabel } from "@samtykke/web-kit";
import { useState } from "react";
import { useLanguage } from "../../lib/i18n.js";
import { AUTHORITY_CONSENT_CHANGES, AUTHORITY_CONSENTS, type AuthorityConsent } from "./operations.js";

interface AuthorityConsentsData {
  latestConsentCursor: string;
  authority: { id: string; consents: AuthorityConsent[] };
}

/** The authority's consents, newest first, kept current by subscription without reloads. */
export function AuthorityConsents({ authorityId }: { authorityId: string }) {
  const { t, pick, date, language } = useLanguage();
  const [announcement, setAnnouncement] = useState("");
  const { data, loading, error } = useQuery<AuthorityConsentsData>(AUTHORITY_CONSENTS, { variables: { authorityId } });

  // Subscribed from the cursor read with the data, so no change falls between loading and listening.
  useSubscription<{ consentStatusChanged: { cursor: string; status: string; consent: AuthorityConsent } }>(AUTHORITY_CONSENT_CHANGES, {
    skip: !data,
    variables: { authorityId, after: data?.latestConsentCursor },
    onData: ({ client, data: event }) => {
      const change = event.data?.consentStatusChanged;
      if (!change) return;
      addToCachedList(client.cache, { __typename: "Authority", id: authorityId }, "consents", change.consent.id);
      setAnnouncement(`${t("statusChanged")}: ${change.consent.subject.name}, ${pick(change.consent.title)} – ${statusLabel(change.status, language)}`);
    },
  });

  return (
    <section aria-labelledby="consents-title" className="mt-7">
      <h2 id="consents-title">{t("consentsTitle")}</h2>
      <div role="status" aria-live="polite" className="sr-only">
        {announcement}
      </div>
      {loading && <p>{t("loading")}</p>}
      {error && <ErrorAlert error={error} />}
      {data && data.authority.consents.length === 0 && <p>{t("noConsents")}</p>}
      {data && data.authority.consents.length > 0 && (
        <div className="table--responsive-scroll">
          <table className="table table--zebra">
            <thead>
              <tr>
                <th scope="col">{t("citizen")}</th>
                <th scope="col">{t("template")}</th>
                <th scope="col">{t("caseReference")}</th>
                <th scope="col">{t("requested")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("validTo")}</th>
              </tr>
            </thead>
            <tbody>
              {data.authority.consents.map((consent) => (
                <tr key={consent.id} data-consent-id={consent.id}>
                  <td>
                    {consent.subject.name} <span className="text-nowrap">({consent.subject.cprMasked})</span>
                  </td>
                  <td>
                    {pick(consent.title)} <span className="text-nowrap">(v{consent.templateVersion})</span>
                  </td>
                  <td>{consent.caseReference ?? "–"}</td>
                  <td>{date(consent.requestedAt)}</td>
                  <td>{statusLabel(consent.status, language)}</td>
                  <td>{consent.validTo ? date(consent.validTo) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
