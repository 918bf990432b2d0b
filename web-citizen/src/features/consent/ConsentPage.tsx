import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import { Alert, ErrorAlert, Icon, StatusBadge, ConfirmModal, Page, AnswersList, ConsentTexts, SummaryList } from "@samtykke/web-kit";
import { ConsentFromRoute, useCitizen } from "../../app/citizen-data.js";
import { ChangedElsewhere, useChangedElsewhere } from "../../lib/ChangedElsewhere.js";
import { useLanguage } from "../../lib/i18n.js";
import { Receipt } from "../consents/Receipt.js";
import { CONSENT_DETAILS, PAUSE_CONSENT, RESUME_CONSENT, WITHDRAW_CONSENT, type CitizenConsent, type ConsentDetails } from "../consents/operations.js";
import { MY_MAILBOX, useLettersAfterChange, useOpenLetter } from "../mailbox/letters.js";
import { UsedBy } from "../access-log/UsedBy.js";

const IN_FORCE = new Set(["ACTIVE", "PAUSED"]);
const HISTORY_ACTIONS = ["request", "register", "deliver", "upload", "sign", "give", "decline", "withdraw", "pause", "resume", "expire", "markUsed", "closeCase", "supersede", "handOver", "askYoungPerson", "subjectDied", "addGiver", "removeGiver", "cancel", "lapse", "remind", "followUp", "followUpDone", "confirmStop"] as const;

export function ConsentPage() {
  return <ConsentFromRoute>{(consent) => <ConsentView key={consent.id} consent={consent} />}</ConsentFromRoute>;
}

/** Who did what, in plain words: "You gave consent", "A caseworker at Odense Kommune asked for your consent". */
function HistoryList({ consent, details }: { consent: CitizenConsent; details: ConsentDetails }) {
  const { t, dateTime } = useLanguage();
  const { me } = useCitizen();
  const names = new Map<string, string>([...consent.givers, consent.subject, ...details.signatures.map((signature) => signature.signer)].map((person) => [person.id, person.name]));
  const who = (entry: ConsentDetails["history"][number]) => {
    if (entry.actorKind === "CITIZEN") return entry.actorId === me.id ? t("actor_CITIZEN") : (names.get(entry.actorId ?? "") ?? t("accessUnknown"));
    // A third party's system is in the history when it confirms it stopped; it is named as on the access log.
    if (entry.actorKind === "THIRD_PARTY") return details.thirdParty?.name ?? t("accessUnknown");
    return t(`actor_${entry.actorKind}`).replace("{authority}", consent.authority.name);
  };
  const what = (action: string) => (HISTORY_ACTIONS.includes(action as (typeof HISTORY_ACTIONS)[number]) ? t(`history_${action as (typeof HISTORY_ACTIONS)[number]}`) : action);
  return (
    <ol className="bordered-list">
      {details.history.map((entry) => (
        <li key={entry.cursor}>
          <strong>{who(entry)}</strong> {what(entry.action)} · {dateTime(entry.occurredAt)}
        </li>
      ))}
    </ol>
  );
}

/** After a withdrawal or expiry: per system that knew the consent, whether it has stopped using it. */
function StopConfirmations({ consent }: { consent: CitizenConsent }) {
  const { t, dateTime } = useLanguage();
  if (!consent.stopConfirmations.length) return null;
  return (
    <section aria-labelledby="stops-title">
      <h2 id="stops-title" className="h3">
        {t("stopsTitle")}
      </h2>
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

/** The receipt as the PDF letter the citizen got: fetched when asked for. */
function ReceiptPdf({ consentId }: { consentId: string }) {
  const { t } = useLanguage();
  const { data, refetch } = useQuery(MY_MAILBOX, { variables: { first: 100, consentId }, fetchPolicy: "network-only" });
  const open = useOpenLetter();
  const [failure, setFailure] = useState<unknown>();
  useLettersAfterChange(refetch);
  const letter = data?.myMailbox.find((candidate) => candidate.kind === "GIVEN");
  if (!data) return null;
  if (!letter) return <p>{t("noReceiptYet")}</p>;
  return (
    <>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          setFailure(undefined);
          open(letter).catch(setFailure);
        }}
      >
        <Icon name="download" />
        {t("receiptPdf")}
      </button>
      {failure !== undefined && <ErrorAlert error={failure} />}
    </>
  );
}

function ConsentView({ consent }: { consent: CitizenConsent }) {
  const { t, pick, date, dateTime } = useLanguage();
  const { me } = useCitizen();
  const details = useQuery(CONSENT_DETAILS, { variables: { id: consent.id }, fetchPolicy: "network-only" });
  const [confirming, setConfirming] = useState(false);
  const [withdrawn, setWithdrawn] = useState(false);
  const [withdraw, withdrawal] = useMutation(WITHDRAW_CONSENT, {
    onCompleted: () => {
      setWithdrawn(true);
      void details.refetch().catch(() => {});
    },
  });
  // A pause is the citizen's own "not now": the authority may not use the consent until it is resumed.
  const [pausing, setPausing] = useState<"pause" | "resume">();
  const [paused, setPaused] = useState<"pause" | "resume">();
  const pausedNote = useRef<HTMLDivElement>(null);
  const [pause, pauseState] = useMutation(PAUSE_CONSENT, { onCompleted: () => setPaused("pause") });
  const [resume, resumeState] = useMutation(RESUME_CONSENT, { onCompleted: () => setPaused("resume") });
  useEffect(() => {
    if (paused) pausedNote.current?.focus();
  }, [paused]);
  const thanks = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (withdrawn) thanks.current?.focus();
  }, [withdrawn]);
  const { refetch } = details;
  // A change arriving live (a second signature, an expiry) shows in the history too.
  useEffect(() => {
    void refetch().catch(() => {});
  }, [consent.status, refetch]);

  const { changedTo, expectOwnChange } = useChangedElsewhere(consent.status);
  const inForce = IN_FORCE.has(consent.status);
  const signedBy = new Map((details.data?.consent.signatures ?? []).map((signature) => [signature.signer.id, signature]));
  const given = consent.answers !== null;
  return (
    <Page title={pick(consent.title)}>
      <p className="m-0">
        <StatusBadge status={consent.status} />
      </p>
      <ChangedElsewhere status={changedTo} />
      {consent.subject.id !== me.id && (
        <p className="m-0">
          {t("onBehalfOf")}: {consent.subject.name}
        </p>
      )}
      <p>
        {t("from")}: {consent.authority.name}
        {consent.caseReference && ` · ${t("caseReference")}: ${consent.caseReference}`}
      </p>
      {withdrawn && (
        <Alert kind="success" ref={thanks} tabIndex={-1} role="status">
          <h2 className="alert-heading">{t("receiptWithdrawnTitle")}</h2>
          <p className="alert-text">{t("withdrawn")}</p>
        </Alert>
      )}

      <section aria-labelledby="validity-title">
        <h2 id="validity-title" className="h3">
          {t("validity")}
        </h2>
        {!inForce && <p>{t("notValid")}</p>}
        <SummaryList
          label={t("validity")}
          rows={[
            ...(consent.validFrom ? [{ key: "from", name: t("validFrom"), value: date(consent.validFrom) }] : []),
            ...(inForce ? [{ key: "to", name: t("validUntil"), value: consent.validTo ? date(consent.validTo) : t("openEnded") }] : []),
            ...(consent.endedAt ? [{ key: "ended", name: t("endedOn"), value: dateTime(consent.endedAt) }] : []),
            ...(consent.eraseAt ? [{ key: "erase", name: t("eraseOn"), value: t("eraseOnValue").replace("{date}", date(consent.eraseAt)) }] : []),
            ...(details.data?.consent.singleUse ? [{ key: "once", name: t("singleUse"), value: pick({ da: "Ja", en: "Yes" }) }] : []),
          ]}
        />
      </section>

      {(inForce || given) && (
        <section aria-labelledby="actions-title" className="mb-6">
          <h2 id="actions-title" className="sr-only">
            {t("stepReceipt")}
          </h2>
          <div className="d-flex flex-wrap">
            {given && (
              <div className="mr-4 mb-4">
                <ReceiptPdf consentId={consent.id} />
              </div>
            )}
            {inForce && (
              <div className="mb-4 mr-4">
                <button type="button" className="button button-primary" disabled={withdrawal.loading} onClick={() => setConfirming(true)}>
                  {t("withdraw")}
                </button>
              </div>
            )}
            {inForce && (
              <div className="mb-4">
                <button type="button" className="button button-secondary" onClick={() => setPausing(consent.status === "PAUSED" ? "resume" : "pause")}>
                  {consent.status === "PAUSED" ? t("resume") : t("pause")}
                </button>
              </div>
            )}
          </div>
          <div role="status" tabIndex={-1} ref={pausedNote}>
            {paused && (
              <Alert kind="success">
                <p className="alert-text">{t(paused === "pause" ? "pausedNote" : "resumedNote")}</p>
              </Alert>
            )}
          </div>
          {withdrawal.error && <ErrorAlert error={withdrawal.error} />}
          {(pauseState.error ?? resumeState.error) && <ErrorAlert error={pauseState.error ?? resumeState.error} />}
        </section>
      )}

      <StopConfirmations consent={consent} />

      <section aria-labelledby="texts-title">
        <h2 id="texts-title" className="h3">
          {t("textsAsGiven")}
        </h2>
        <ConsentTexts consent={consent} />
        {given && consent.choices.length > 0 && (
          <>
            <h3 className="h4">{t("yourAnswers")}</h3>
            <AnswersList choices={consent.choices} answers={consent.answers ?? []} label={t("yourAnswers")} />
          </>
        )}
      </section>

      <section aria-labelledby="signers-title">
        <h2 id="signers-title" className="h3">
          {t("signersTitle")}
        </h2>
        <ul className="nobullet-list">
          {consent.givers.map((giver) => {
            const signature = signedBy.get(giver.id);
            const name = giver.id === me.id ? `${giver.name} (${t("you")})` : giver.name;
            return (
              <li key={giver.id}>
                {name}: {signature ? `${t("signedOn")} ${dateTime(signature.signedAt)}` : t("pendingSigner")}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title" className="h3">
          {t("historyOfConsent")}
        </h2>
        {details.error && <ErrorAlert error={details.error} />}
        {details.data ? <HistoryList consent={consent} details={details.data.consent} /> : <p role="status">{t("loading")}</p>}
      </section>

      <UsedBy consentId={consent.id} status={consent.status} />

      <details className="details mt-6">
        <summary className="details-summary">{t("professionals")}</summary>
        <div className="details-text">
          <p>{t("professionalsHelp")}</p>
          <Receipt consentId={consent.id} />
        </div>
      </details>

      {pausing && (
        <ConfirmModal
          title={t(pausing === "resume" ? "resumeTitle" : "pauseTitle")}
          confirmLabel={t(pausing === "resume" ? "resumeConfirm" : "pauseConfirm")}
          onClose={() => setPausing(undefined)}
          onConfirm={() => {
            setPaused(undefined);
            const forget = expectOwnChange();
            void (pausing === "resume" ? resume : pause)({ variables: { id: consent.id } }).catch(forget);
          }}
        >
          <p>{t(pausing === "resume" ? "resumeWhat" : "pauseWhat").replace("{authority}", consent.authority.name)}</p>
        </ConfirmModal>
      )}
      {confirming && (
        <ConfirmModal title={t("withdrawTitle")} confirmLabel={t("withdrawConfirm")} onClose={() => setConfirming(false)} onConfirm={() => {
            const forget = expectOwnChange();
            withdraw({ variables: { id: consent.id } }).catch(forget);
          }}
        >
          <h3 className="h5">{t("withoutConsent")}</h3>
          <p>{pick(consent.consequencesOfNo)}</p>
          <p>{t("withdrawWhat")}</p>
        </ConfirmModal>
      )}
    </Page>
  );
}
