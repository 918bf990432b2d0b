import { useMutation } from "@apollo/client/react";
import { useEffect, useRef, useState, type RefObject } from "react";
import { Link } from "react-router";
import { Alert, ChoiceFields, ErrorAlert, errorReason, StatusBadge, useAuth, type ChoiceAnswer, ConfirmModal, Page, AnswersList, ConsentTexts, SummaryList } from "@samtykke/web-kit";
import { ConsentFromRoute, useCitizen } from "../../app/citizen-data.js";
import { ChangedElsewhere, useChangedElsewhere } from "../../lib/ChangedElsewhere.js";
import { StepIndicator } from "../../lib/StepIndicator.js";
import { useLanguage } from "../../lib/i18n.js";
import { DECLINE_CONSENT, GIVE_CONSENT, type CitizenConsent } from "../consents/operations.js";

/** A give waiting for the citizen's signature: what they answered on which consent. */
export interface PendingGive {
  consentId: string;
  answers: ChoiceAnswer[];
}

type Step = "read" | "answer" | "summary" | "sign" | "receipt";
const GIVE_STEPS: Step[] = ["read", "answer", "summary", "sign", "receipt"];
// Declining: read, confirm in a dialog, receipt. Never more steps than giving.
const DECLINE_STEPS: Step[] = ["read", "receipt"];
type Outcome = "given" | "signed" | "declined";

// A signature is used once, even if the page renders twice before it has been sent.
const usedSignatures = new Set<string>();

/**
 * Where the citizen is in answering, kept for the tab so that a reload (or a phone that drops the
 * tab in the background) brings back the step and the answers. Gone with the tab and once answered.
 */
interface Draft {
  step: Step;
  answers: Record<string, ChoiceAnswer>;
}
const draftKey = (consentId: string) => `samtykke.request.${consentId}`;

function readDraft(consentId: string): Draft | undefined {
  try {
    const draft = JSON.parse(sessionStorage.getItem(draftKey(consentId)) ?? "null") as Draft | null;
    return draft && (draft.step === "answer" || draft.step === "summary") ? draft : undefined;
  } catch {
    return undefined;
  }
}

/** On the way back from signing: gives the consent with the signing token. */
function useFinishSigning(consentId: string, onDone: (status: string) => void) {
  const { signature } = useAuth();
  const [give, result] = useMutation(GIVE_CONSENT, { onCompleted: (data) => onDone(data.giveConsent.status) });
  const intent = signature?.intent as PendingGive | undefined;
  const mine = !!signature && intent?.consentId === consentId;
  useEffect(() => {
    if (!signature || !mine || usedSignatures.has(signature.token)) return;
    usedSignatures.add(signature.token);
    give({
      variables: { id: intent!.consentId, answers: intent!.answers },
      context: { headers: { authorization: `Bearer ${signature.token}` } },
    }).catch(() => {});
  }, [signature, mine, intent, give]);
  return { ...result, pending: mine && !result.called ? true : result.loading, answers: mine ? intent!.answers : undefined };
}

/** A request answered step by step: read, choose, check, sign, receipt; or read, decline, receipt. */
export function RequestPage() {
  return <ConsentFromRoute>{(consent) => <RequestSteps key={consent.id} consent={consent} />}</ConsentFromRoute>;
}

function RequestSteps({ consent }: { consent: CitizenConsent }) {
  const { t, shared, pick, date } = useLanguage();
  const { me } = useCitizen();
  const { sign } = useAuth();
  const [outcome, setOutcome] = useState<Outcome>();
  const finishing = useFinishSigning(consent.id, (status) => setOutcome(status === "REQUESTED" ? "signed" : "given"));
  const [draft] = useState(() => (finishing.pending ? undefined : readDraft(consent.id)));
  const [step, setStep] = useState<Step>(finishing.pending ? "sign" : (draft?.step ?? "read"));
  const [answers, setAnswers] = useState<Record<string, ChoiceAnswer>>(() => draft?.answers ?? Object.fromEntries((finishing.answers ?? []).map((answer) => [answer.key, answer])));
  const [declining, setDeclining] = useState(false);
  const [check, checking] = useMutation(GIVE_CONSENT);
  const [decline, declined] = useMutation(DECLINE_CONSENT, { onCompleted: () => setOutcome("declined") });
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  const current: Step = outcome ? "receipt" : step;
  // The citizen's own answer sets an outcome; any other change of status came from elsewhere.
  const { changedTo } = useChangedElsewhere(consent.status);
  useEffect(() => {
    if (outcome) sessionStorage.removeItem(draftKey(consent.id));
    else if (step === "answer" || step === "summary") sessionStorage.setItem(draftKey(consent.id), JSON.stringify({ step, answers } satisfies Draft));
  }, [consent.id, outcome, step, answers]);
  const steps = outcome === "declined" ? DECLINE_STEPS : GIVE_STEPS;
  const stepTitle: Record<Step, string> = { read: t("stepRead"), answer: t("stepAnswer"), summary: t("stepSummary"), sign: t("stepSign"), receipt: t("stepReceipt") };

  // Each new step starts at its heading (the receipt's after signing too), not at the top of the page.
  useEffect(() => {
    if (firstRender.current && current !== "receipt") {
      firstRender.current = false;
      return;
    }
    firstRender.current = false;
    stepHeading.current?.focus();
  }, [current]);

  const signed = new Set(consent.signatures.map((signature) => signature.signer.id));
  const answered = consent.status !== "REQUESTED" || signed.has(me.id);
  if (answered && !outcome && !finishing.pending) {
    const waitingFor = consent.givers.filter((giver) => !signed.has(giver.id));
    return (
      <Page title={pick(consent.title)}>
        <p>
          <StatusBadge status={consent.status} />
        </p>
        <ChangedElsewhere status={changedTo} />
        <p>{consent.status === "REQUESTED" ? t("awaitingOthers") : t("alreadyAnswered")}</p>
        {consent.status === "REQUESTED" && (
          <ul>
            {waitingFor.map((giver) => (
              <li key={giver.id}>{giver.name}</li>
            ))}
          </ul>
        )}
        <Link to={consent.status === "REQUESTED" ? "/" : `/samtykker/${consent.id}`}>{consent.status === "REQUESTED" ? shared("backToFront") : t("seeConsent")}</Link>
      </Page>
    );
  }

  const answerList = consent.choices.map((choice) => answers[choice.key]).filter((answer): answer is ChoiceAnswer => !!answer);
  const checkError = errorReason(checking.error) === "SIGNING_REQUIRED" ? undefined : checking.error;
  const toSummary = () => {
    // The platform checks the answers before it asks for a signature: valid answers come back as "sign first".
    check({ variables: { id: consent.id, answers: answerList } })
      // Only a login that is itself a signature gives at once.
      .then((result) => setOutcome(result.data?.giveConsent.status === "REQUESTED" ? "signed" : "given"))
      .catch((failure: unknown) => {
        if (errorReason(failure) === "SIGNING_REQUIRED") setStep("summary");
      });
  };
  const intent: PendingGive = { consentId: consent.id, answers: answerList };

  return (
    <Page title={pick(consent.title)}>
      <p className="m-0">
        <StatusBadge status={outcome === "declined" ? "DECLINED" : outcome === "given" ? "ACTIVE" : consent.status} />
      </p>
      {consent.subject.id !== me.id && (
        <p className="m-0">
          {t("onBehalfOf")}: {consent.subject.name}
        </p>
      )}
      {consent.subject.id === me.id && consent.signers.startsWith("YOUNG_PERSON") && (
        <p className="m-0">{consent.givers.length === 1 ? t("youAnswerFromFifteen") : t("youAnswerWithHolders")}</p>
      )}
      <p>
        {t("asks")}: {consent.authority.name}
        {consent.caseReference && ` · ${t("caseReference")}: ${consent.caseReference}`}
      </p>
      {consent.remindedAt && consent.answerBy && (
        <p>{t("remindedOn").replace("{date}", date(consent.remindedAt)).replace("{deadline}", date(consent.answerBy))}</p>
      )}
      {consent.message && (
        // The caseworker's own words, as written: not translated, and not part of what is signed.
        <Alert kind="info" className="mb-5">
          <p className="alert-heading">
            {t("messageFrom")} {consent.authority.name}
          </p>
          <p className="alert-text" style={{ whiteSpace: "pre-line" }}>
            {consent.message}
          </p>
        </Alert>
      )}
      <div className="row">
        <div className="col-12 col-lg-4">
          <StepIndicator steps={steps.map((name) => stepTitle[name])} current={steps.indexOf(current)} />
        </div>
        <div className="col-12 col-lg-8">

          {current === "read" && (
            <section aria-labelledby="step-title">
              <h2 id="step-title" tabIndex={-1} ref={stepHeading}>
                {stepTitle.read}
              </h2>
              <ConsentTexts consent={consent} />
              {declined.error && <ErrorAlert error={declined.error} />}
              <div className="d-flex flex-wrap">
                <button type="button" className="button button-primary mr-4 mb-4" onClick={() => setStep("answer")}>
                  {consent.choices.length > 0 ? t("toChoices") : t("toSummary")}
                </button>
                <button type="button" className="button button-secondary mb-4" onClick={() => setDeclining(true)}>
                  {t("decline")}
                </button>
              </div>
            </section>
          )}

          {current === "answer" && (
            <section aria-labelledby="step-title">
              <h2 id="step-title" tabIndex={-1} ref={stepHeading}>
                {stepTitle.answer}
              </h2>
              <form
                noValidate
                onSubmit={(event) => {
                  event.preventDefault();
                  toSummary();
                }}
              >
                {consent.choices.length > 0 && <p className="form-hint">{t("choicesHelp")}</p>}
                <ChoiceFields
                  idPrefix={consent.id}
                  choices={consent.choices}
                  answers={answers}
                  requiredNote={t("requiredChoice")}
                  onAnswer={(value) => setAnswers((before) => ({ ...before, [value.key]: value }))}
                />
                {checkError && <ErrorAlert error={checkError} />}
                <div className="d-flex flex-wrap">
                  <button type="submit" className="button button-primary mr-4 mb-4" disabled={checking.loading}>
                    {t("toSummary")}
                  </button>
                  <button type="button" className="button button-secondary mb-4" onClick={() => setStep("read")}>
                    {t("back")}
                  </button>
                </div>
              </form>
            </section>
          )}

          {current === "summary" && (
            <section aria-labelledby="step-title">
              <h2 id="step-title" tabIndex={-1} ref={stepHeading}>
                {stepTitle.summary}
              </h2>
              <p>{t("summaryHelp")}</p>
              <SummaryList
                label={t("stepSummary")}
                rows={[
                  { key: "title", name: t("receiptWhat"), value: pick(consent.title) },
                  { key: "to", name: t("receiptTo"), value: consent.authority.name },
                ]}
              />
              {consent.choices.length > 0 && (
                <>
                  <h3 className="h4">{t("yourAnswers")}</h3>
                  <AnswersList choices={consent.choices} answers={answerList} label={t("yourAnswers")} />
                  <button type="button" className="function-link mb-5" onClick={() => setStep("answer")}>
                    {t("change")}
                  </button>
                </>
              )}
              <p>{t("signHelp")}</p>
              <div className="d-flex flex-wrap">
                <button type="button" className="button button-primary mr-4 mb-4" onClick={() => sign(intent)}>
                  {t("signAndGive")}
                </button>
                <button type="button" className="button button-secondary mb-4" onClick={() => setStep("answer")}>
                  {t("back")}
                </button>
              </div>
            </section>
          )}

          {current === "sign" && (
            <section aria-labelledby="step-title">
              <h2 id="step-title" tabIndex={-1} ref={stepHeading}>
                {stepTitle.sign}
              </h2>
              {finishing.error ? <ErrorAlert error={finishing.error} /> : <p role="status">{t("signing")}</p>}
              {finishing.error && (
                <button type="button" className="button button-secondary" onClick={() => setStep("summary")}>
                  {t("back")}
                </button>
              )}
            </section>
          )}

          {current === "receipt" && outcome && (
            <RequestReceipt consent={consent} outcome={outcome} answers={outcome === "declined" ? [] : answerList} headingRef={stepHeading} />
          )}

        </div>
      </div>

      {declining && (
        <ConfirmModal
          title={t("declineTitle")}
          confirmLabel={t("declineConfirm")}
          busy={declined.loading}
          onClose={() => setDeclining(false)}
          onConfirm={() => decline({ variables: { id: consent.id } }).catch(() => {})}
        >
          <h3 className="h5">{shared("consequencesOfNo")}</h3>
          <p>{pick(consent.consequencesOfNo)}</p>
          <p>{t("receiptDeclinedText")}</p>
        </ConfirmModal>
      )}
    </Page>
  );
}

/** What the citizen just did, to keep: what, to whom, when, and the answers as given. */
function RequestReceipt({ consent, outcome, answers, headingRef }: { consent: CitizenConsent; outcome: Outcome; answers: ChoiceAnswer[]; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const { t, shared, pick, date, dateTime } = useLanguage();
  const title = outcome === "declined" ? t("receiptDeclinedTitle") : outcome === "signed" ? t("receiptSignedTitle") : t("receiptGivenTitle");
  const when = outcome === "declined" ? consent.endedAt : consent.validFrom;
  return (
    <section aria-labelledby="step-title" className="mb-6">
      <Alert kind="success" role="status">
        <h2 id="step-title" className="alert-heading" tabIndex={-1} ref={headingRef}>
          {title}
        </h2>
        <p className="alert-text">{outcome === "declined" ? t("receiptDeclinedText") : outcome === "signed" ? t("awaitingOthers") : t("given")}</p>
      </Alert>
      <SummaryList
        label={t("stepReceipt")}
        rows={[
          { key: "title", name: t("receiptWhat"), value: pick(consent.title) },
          { key: "to", name: t("receiptTo"), value: consent.authority.name },
          ...(when ? [{ key: "when", name: t("receiptWhen"), value: dateTime(when) }] : []),
          ...(outcome === "given"
            ? [{ key: "valid", name: t("receiptValid"), value: `${consent.validFrom ? date(consent.validFrom) : ""} – ${consent.validTo ? date(consent.validTo) : t("openEnded")}` }]
            : []),
        ]}
      />
      {answers.length > 0 && (
        <>
          <h3 className="h4">{t("yourAnswers")}</h3>
          <AnswersList choices={consent.choices} answers={answers} label={t("yourAnswers")} />
        </>
      )}
      {outcome !== "declined" && <p>{t("receiptMail")}</p>}
      {consent.returnUrl && (
        // Back to the service that sent the citizen here: an address the API checked against the
        // authority's registered ones when the request was made.
        <p>
          <a href={consent.returnUrl} className="button button-primary">
            {t("backToService").replace("{authority}", consent.authority.name)}
          </a>
        </p>
      )}
      <p>
        <Link to={`/samtykker/${consent.id}`} className="mr-5">
          {t("seeConsent")}
        </Link>
        <Link to="/">{shared("backToFront")}</Link>
      </p>
    </section>
  );
}
