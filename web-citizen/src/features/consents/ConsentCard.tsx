import { useMutation } from "@apollo/client/react";
import { ErrorAlert, StatusBadge } from "@samtykke/web-kit";
import { useLanguage } from "../../lib/i18n.js";
import { DECLINE_CONSENT, GIVE_CONSENT, WITHDRAW_CONSENT, type CitizenConsent } from "./operations.js";

/** What the citizen just did, for the page to confirm. */
export type Answer = "given" | "declined" | "withdrawn";

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

/** A request awaiting the citizen's answer: what they are asked, and yes or no. */
export function ConsentRequest({ consent, onAnswered }: { consent: CitizenConsent; onAnswered: (answer: Answer) => void }) {
  const { t, pick } = useLanguage();
  // The answer comes back into the cache, which moves the consent from the requests to the list.
  const [give, giving] = useMutation(GIVE_CONSENT, { onCompleted: () => onAnswered("given") });
  const [decline, declining] = useMutation(DECLINE_CONSENT, { onCompleted: () => onAnswered("declined") });
  const busy = giving.loading || declining.loading;
  const error = giving.error ?? declining.error;
  return (
    <section className="card mb-5" aria-labelledby={`consent-${consent.id}`}>
      <div className="card-content">
        <ConsentSummary consent={consent} />
        <p>{pick(consent.purpose)}</p>
        {error && <ErrorAlert error={error} />}
        <button type="button" className="button button-primary mr-4" disabled={busy} onClick={() => give({ variables: { id: consent.id } }).catch(() => {})}>
          {t("give")}
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => decline({ variables: { id: consent.id } }).catch(() => {})}>
          {t("decline")}
        </button>
      </div>
    </section>
  );
}

/** A consent the citizen has given: withdrawing it takes one click, as giving it did. */
export function GivenConsent({ consent, onWithdrawn }: { consent: CitizenConsent; onWithdrawn: () => void }) {
  const { t } = useLanguage();
  const [withdraw, { loading, error }] = useMutation(WITHDRAW_CONSENT, { onCompleted: onWithdrawn });
  const inForce = consent.status === "ACTIVE" || consent.status === "PAUSED";
  return (
    <>
      <ConsentSummary consent={consent} />
      {error && <ErrorAlert error={error} />}
      {inForce && (
        <button type="button" className="button button-secondary mt-3" disabled={loading} onClick={() => withdraw({ variables: { id: consent.id } }).catch(() => {})}>
          {t("withdraw")}
        </button>
      )}
    </>
  );
}
