import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { ChoiceField, ErrorAlert, errorReason, groupChoices, StatusBadge, useAuth, type ChoiceAnswer } from "@samtykke/web-kit";
import { useLanguage } from "../../lib/i18n.js";
import { Receipt } from "./Receipt.js";
import { DECLINE_CONSENT, GIVE_CONSENT, WITHDRAW_CONSENT, type CitizenConsent } from "./operations.js";

/** A give waiting for the citizen's signature: what they answered on which consent. */
export interface PendingGive {
  consentId: string;
  answers: ChoiceAnswer[];
}

/** What the citizen just did, for the page to confirm. */
export type Answer = "given" | "declined" | "withdrawn";

/** Title, status, who asks and until when: an article named by its title. */
export function ConsentSummary({ consent, meId }: { consent: CitizenConsent; meId: string }) {
  const { t, pick, date } = useLanguage();
  return (
    <article aria-labelledby={`consent-${consent.id}`}>
      <h3 id={`consent-${consent.id}`} className="h4 mt-0 mb-0">
        {pick(consent.title)}
      </h3>
      <p className="m-0">
        <StatusBadge status={consent.status} />
      </p>
      {consent.subject.id !== meId && (
        <p className="m-0">
          {t("onBehalfOf")}: {consent.subject.name}
        </p>
      )}
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

/** What the citizen is asked: purpose, data, parties, consequences either way, and how to withdraw. */
function ConsentTexts({ consent }: { consent: CitizenConsent }) {
  const { t, pick } = useLanguage();
  const sections = ["dataCovered", "partiesCovered", "consequencesOfYes", "consequencesOfNo", "howToWithdraw"] as const;
  return (
    <>
      <p>{pick(consent.purpose)}</p>
      <dl>
        {sections.map((field) => (
          <div key={field}>
            <dt>{t(field)}</dt>
            <dd>{pick(consent[field])}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** A request awaiting the citizen's answer: what they are asked, their choices, and yes or no. */
export function ConsentRequest({ consent, meId, onAnswered }: { consent: CitizenConsent; meId: string; onAnswered: (answer: Answer) => void }) {
  const { t, pick } = useLanguage();
  const [answers, setAnswers] = useState<Record<string, ChoiceAnswer>>({});
  // The answer comes back into the cache, which moves the consent from the requests to the list.
  const { sign } = useAuth();
  const [give, giving] = useMutation(GIVE_CONSENT, { onCompleted: () => onAnswered("given") });
  const [decline, declining] = useMutation(DECLINE_CONSENT, { onCompleted: () => onAnswered("declined") });
  const busy = giving.loading || declining.loading;
  const error = (errorReason(giving.error) === "SIGNING_REQUIRED" ? undefined : giving.error) ?? declining.error;
  const groups = groupChoices(consent.choices);
  const answer = (value: ChoiceAnswer) => setAnswers((current) => ({ ...current, [value.key]: value }));
  // With two custody holders, the one who has signed waits for the other.
  const signed = new Set(consent.signatures.map((signature) => signature.signer.id));
  if (signed.has(meId)) {
    const waitingFor = consent.givers.filter((giver) => !signed.has(giver.id));
    return (
      <section className="card mb-5" aria-labelledby={`consent-${consent.id}`}>
        <div className="card-content">
          <ConsentSummary consent={consent} meId={meId} />
          <p>{t("awaitingOthers")}</p>
          <ul>
            {waitingFor.map((giver) => (
              <li key={giver.id}>{giver.name}</li>
            ))}
          </ul>
        </div>
      </section>
    );
  }
  return (
    <section className="card mb-5" aria-labelledby={`consent-${consent.id}`}>
      <div className="card-content">
        <ConsentSummary consent={consent} meId={meId} />
        <ConsentTexts consent={consent} />
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const intent: PendingGive = { consentId: consent.id, answers: Object.values(answers) };
            // The answers are checked first; valid ones are then signed with MitID, a step apart from the login.
            give({ variables: { id: intent.consentId, answers: intent.answers } }).catch((failure: unknown) => {
              if (errorReason(failure) === "SIGNING_REQUIRED") sign(intent);
            });
          }}
        >
          {consent.choices.length > 0 && (
            <>
              <h4>{t("choicesTitle")}</h4>
              <p className="form-hint">{t("choicesHelp")}</p>
              {groups.map(({ group, choices }) => {
                const fields = choices.map((choice) => (
                  <ChoiceField key={choice.key} idPrefix={consent.id} choice={choice} answer={answers[choice.key]} requiredNote={t("requiredChoice")} onAnswer={answer} />
                ));
                return group ? (
                  <fieldset key={pick(group)} className="mb-5">
                    <legend className="h5">{pick(group)}</legend>
                    {fields}
                  </fieldset>
                ) : (
                  fields
                );
              })}
            </>
          )}
          {error && <ErrorAlert error={error} />}
          <button type="submit" className="button button-primary mr-4" disabled={busy}>
            {t("give")}
          </button>
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => decline({ variables: { id: consent.id } }).catch(() => {})}>
            {t("decline")}
          </button>
        </form>
      </div>
    </section>
  );
}

/** The answers as given, each with the choice it answers. */
function GivenAnswers({ consent }: { consent: CitizenConsent }) {
  const { t, pick, shared } = useLanguage();
  if (!consent.answers?.length) return null;
  const byKey = new Map(consent.answers.map((answer) => [answer.key, answer]));
  return (
    <details className="mt-3">
      <summary>{t("yourAnswers")}</summary>
      <ul>
        {consent.choices.map((choice) => {
          const answer = byKey.get(choice.key);
          const value = choice.kind === "CHECKBOX" ? (answer?.checked ? shared("yes") : shared("no")) : answer?.text || "–";
          return (
            <li key={choice.key}>
              {choice.group && `${pick(choice.group)}: `}
              {pick(choice.label)}: {value}
            </li>
          );
        })}
      </ul>
    </details>
  );
}

/** After a withdrawal or expiry: per system that knew the consent, whether it has stopped using it. */
function StopConfirmations({ consent }: { consent: CitizenConsent }) {
  const { t, dateTime } = useLanguage();
  if (!consent.stopConfirmations.length) return null;
  return (
    <section className="mt-3" aria-labelledby={`stops-${consent.id}`}>
      <h4 id={`stops-${consent.id}`} className="h5">
        {t("stopsTitle")}
      </h4>
      <p className="form-hint">{t("stopsHelp")}</p>
      <ul>
        {consent.stopConfirmations.map((stop) => {
          const name = stop.caseSystem?.name ?? stop.thirdParty?.name ?? "";
          return (
            <li key={stop.caseSystem?.id ?? stop.thirdParty?.id}>
              {stop.confirmedAt ? `${t("stoppedBy")} ${name}, ${dateTime(stop.confirmedAt)}` : `${t("notYetConfirmed")} ${name}`}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A consent the citizen has given: withdrawing it takes one click, as giving it did. */
export function GivenConsent({ consent, meId, onWithdrawn }: { consent: CitizenConsent; meId: string; onWithdrawn: () => void }) {
  const { t } = useLanguage();
  const [withdraw, { loading, error }] = useMutation(WITHDRAW_CONSENT, { onCompleted: onWithdrawn });
  const inForce = consent.status === "ACTIVE" || consent.status === "PAUSED";
  return (
    <>
      <ConsentSummary consent={consent} meId={meId} />
      <GivenAnswers consent={consent} />
      <StopConfirmations consent={consent} />
      <Receipt consentId={consent.id} />
      {error && <ErrorAlert error={error} />}
      {inForce && (
        <button type="button" className="button button-secondary mt-3" disabled={loading} onClick={() => withdraw({ variables: { id: consent.id } }).catch(() => {})}>
          {t("withdraw")}
        </button>
      )}
    </>
  );
}
