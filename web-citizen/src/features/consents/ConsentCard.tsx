import { useMutation } from "@apollo/client/react";
import { ErrorAlert, StatusBadge } from "@samtykke/web-kit";
import { useLanguage } from "../../lib/i18n.js";
import { GIVE_CONSENT, type CitizenConsent } from "./operations.js";

/** Title, status, who asks and until when: an article named by its title. */
export function ConsentSummary({ consent }: { consent: CitizenConsent }) {
  const { t, pick, date } = useLanguage();
  return (
    <article aria-labelledby={`consent-${consent.id}`}>
      <h3 id={`consent-${consent.id}`} className="h4 mt-0 mb-0">
        {pick(consent.title)}
      </h3>
      <p className="m-0">
        <StatusBadge status={consent.status} />
      </p>
      <p className="m-0">
        {t("from")}: {consent.authority.name}
        {consent.caseReference && ` · ${t("caseReference")}: ${consent.caseReference}`}
      </p>
      {consent.status === "REQUESTED" && (
        <p className="m-0">
          {t("requestedOn")}: {date(consent.requestedAt)}
        </p>
      )}
      {consent.status === "ACTIVE" && (
        <p className="m-0">
          {t("validUntil")}: {consent.validTo ? date(consent.validTo) : t("openEnded")}
        </p>
      )}
    </article>
  );
}

/** A request awaiting the citizen's answer: what they are asked and the button to consent. */
export function ConsentRequest({ consent, onGiven }: { consent: CitizenConsent; onGiven: () => void }) {
  const { t, pick } = useLanguage();
  // The answer comes back into the cache, which moves the consent from the requests to the list.
  const [give, { loading, error }] = useMutation(GIVE_CONSENT, { onCompleted: onGiven });
  return (
    <section className="card mb-5" aria-labelledby={`consent-${consent.id}`}>
      <div className="card-content">
        <ConsentSummary consent={consent} />
        <p>{pick(consent.purpose)}</p>
        {error && <ErrorAlert error={error} />}
        <button type="button" className="button button-primary" disabled={loading} onClick={() => give({ variables: { id: consent.id } }).catch(() => {})}>
          {t("give")}
        </button>
      </div>
    </section>
  );
}
