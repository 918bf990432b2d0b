import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { ErrorAlert, StatusBadge, useConsentEvents, type ConsentStatus } from "@samtykke/web-kit";
import { useLanguage, type Language } from "../../lib/i18n.js";
import { AUTHORITY_CONSENT_CHANGES, AUTHORITY_CONSENTS, type AuthorityConsent } from "./operations.js";

/** The systems that have not yet confirmed they stopped using a withdrawn or expired consent. */
function UnconfirmedStops({ consent }: { consent: AuthorityConsent }) {
  const { t } = useLanguage();
  const waiting = consent.stopConfirmations.filter((stop) => !stop.confirmedAt);
  if (!consent.stopConfirmations.length) return null;
  return (
    <p className="form-hint m-0">
      {waiting.length ? `${t("stopNotConfirmed")}: ${waiting.map((stop) => stop.caseSystem?.name ?? stop.thirdParty?.name).join(", ")}` : t("stopAllConfirmed")}
    </p>
  );
}

/** The authority's consents, newest first, live: new requests appear and statuses change in place. */
/** Where "valid until" still means something: a withdrawn or expired consent is valid no longer. */
const IN_FORCE = new Set<ConsentStatus>(["ACTIVE", "PAUSED"]);

export function AuthorityConsents({ authorityId }: { authorityId: string }) {
  const { t, pick, status, date, language } = useLanguage();
  // Announced in the language it was made in; a switch of language leaves no stale text behind.
  const [announcement, setAnnouncement] = useState<{ text: string; language: Language }>();
  // Always from the server: the cursor read with the table must be as new as the table.
  const { data, loading, error } = useQuery(AUTHORITY_CONSENTS, { variables: { authorityId }, fetchPolicy: "network-only" });

  useConsentEvents(AUTHORITY_CONSENT_CHANGES, {
    variables: { authorityId },
    startAfter: data?.latestConsentCursor,
    list: { owner: { __typename: "Authority", id: authorityId }, field: "consents" },
    onEvent: (event) => {
      const what = event.status === "REQUESTED" ? t("newRequest") : t("statusChanged");
      setAnnouncement({ text: `${what}: ${event.consent.subject.name}, ${pick(event.consent.title)} – ${status(event.status)}`, language });
    },
  });

  const consents = data?.authority.consents ?? [];
  return (
    <section aria-labelledby="consents-title" className="mt-7">
      <h2 id="consents-title">{t("consentsTitle")}</h2>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement?.language === language && announcement.text}
      </p>
      {loading && <p role="status">{t("loading")}</p>}
      {error && <ErrorAlert error={error} />}
      {data && consents.length === 0 && <p>{t("noConsents")}</p>}
      {consents.length > 0 && (
        // A region the keyboard can reach, so that a table wider than a phone can be scrolled without a mouse.
        <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={t("consentsTable")}>
          <table className="table table--zebra">
            <thead>
              <tr>
                <th scope="col">{t("citizen")}</th>
                <th scope="col">{t("template")}</th>
                <th scope="col">{t("caseReference")}</th>
                <th scope="col">{t("requestedOn")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("validUntil")}</th>
              </tr>
            </thead>
            <tbody>
              {consents.map((consent) => (
                <tr key={consent.id}>
                  <td>
                    {consent.subject.name} ({consent.subject.cprMasked})
                  </td>
                  <td>
                    {pick(consent.title)} (v{consent.templateVersion})
                  </td>
                  <td>{consent.caseReference ?? "–"}</td>
                  <td>{date(consent.requestedAt)}</td>
                  <td>
                    <StatusBadge status={consent.status} />
                    <UnconfirmedStops consent={consent} />
                  </td>
                  <td>{consent.validTo && IN_FORCE.has(consent.status) ? date(consent.validTo) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
