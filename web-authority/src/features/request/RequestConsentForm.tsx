import { useLazyQuery, useMutation, useQuery } from "@apollo/client/react";
import { useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { Alert, ErrorAlert, errorField, errorMessage, Page } from "@samtykke/web-kit";
import { useAuthorityLive } from "../../app/live.js";
import { ErrorSummary } from "../../lib/ErrorSummary.js";
import { Field } from "../../lib/Field.js";
import { useLanguage } from "../../lib/i18n.js";
import { TemplatePreview } from "../../lib/TemplatePreview.js";
import { CITIZEN_BY_CPR, type CitizenRef } from "../consents/operations.js";
import { AUTHORITY_TEMPLATES, REQUEST_CONSENT, TEMPLATE_PREVIEW } from "./operations.js";

const FIELD_IDS: Record<string, string> = { templateId: "request-template", cpr: "request-cpr", caseReference: "request-case-reference", answerBy: "request-answer-by", message: "request-message" };

/** The chosen template as the citizen will see it. */
function Preview({ templateId }: { templateId: string }) {
  const { t } = useLanguage();
  const { data, error } = useQuery(TEMPLATE_PREVIEW, { variables: { id: templateId } });
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <p role="status">{t("loading")}</p>;
  return <TemplatePreview template={data.template} />;
}

/**
 * A caseworker asks a citizen for consent: the template, the citizen and the case first; then the
 * citizen's name and exactly what they will see, to confirm before anything is sent (a mistyped CPR
 * number must not reach a stranger).
 */
export function RequestConsentForm() {
  const { t, pick, language } = useLanguage();
  const { authorityId } = useAuthorityLive();
  const templates = useQuery(AUTHORITY_TEMPLATES, { variables: { authorityId } });
  const [templateId, setTemplateId] = useState("");
  const [cpr, setCpr] = useState("");
  const [caseReference, setCaseReference] = useState("");
  const [answerBy, setAnswerBy] = useState("");
  const [citizenMessage, setCitizenMessage] = useState("");
  const [citizen, setCitizen] = useState<CitizenRef>();
  const [sent, setSent] = useState<{ id: string; name: string }>();
  // One key per request being prepared: a retry after a lost answer sends it once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [lookUp, lookedUp] = useLazyQuery(CITIZEN_BY_CPR, { fetchPolicy: "network-only" });
  const [requestConsent, requesting] = useMutation(REQUEST_CONSENT);
  const sentMessage = useRef<HTMLDivElement>(null);
  const [templateSearch, setTemplateSearch] = useState("");
  // The list narrows as the caseworker types; the chosen template stays chosen while it matches.
  const words = templateSearch.trim().toLocaleLowerCase("da").split(/\s+/).filter(Boolean);
  const choices = (templates.data?.authority.templates ?? []).filter((template) =>
    words.every((word) => `${pick(template.title)} ${template.key}`.toLocaleLowerCase("da").includes(word)),
  );
  const chosen = choices.some((template) => template.id === templateId) ? templateId : choices[0]?.id || "";
  const error = requesting.error ?? lookedUp.error;
  const failed = errorField(error) ?? (lookedUp.error ? "cpr" : undefined);
  const message = error ? errorMessage(error, language) : undefined;
  const fieldError = (field: string) => (failed === field ? message : undefined);
  const fieldId = failed ? FIELD_IDS[failed] : undefined;

  const check = async (event: FormEvent) => {
    event.preventDefault();
    if (lookedUp.loading) return;
    requesting.reset();
    setSent(undefined);
    const { data } = await lookUp({ variables: { cpr: cpr.trim() } }).catch(() => ({ data: undefined }));
    if (data) setCitizen(data.citizen);
  };

  const send = async () => {
    if (requesting.loading) return;
    try {
      // A date of the caseworker's calendar: the request runs until that day ends.
      const deadline = answerBy ? new Date(`${answerBy}T23:59:59`).toISOString() : null;
      const result = await requestConsent({ variables: { input: { templateId: chosen, cpr: cpr.trim(), caseReference: caseReference.trim() || null, answerBy: deadline, message: citizenMessage.trim() || null, idempotencyKey } } });
      setSent({ id: result.data!.requestConsent.id, name: citizen!.name });
      setCitizen(undefined);
      setCpr("");
      setCaseReference("");
      setAnswerBy("");
      setCitizenMessage("");
      setIdempotencyKey(crypto.randomUUID());
      setTimeout(() => sentMessage.current?.focus(), 0);
    } catch {
      // Back to the form with the API's message by its field; what was typed stays for correcting.
      setCitizen(undefined);
    }
  };

  return (
    <Page title={t("requestTitle")}>
      {sent && (
        <Alert kind="success" className="mb-6" role="status" tabIndex={-1} ref={sentMessage}>
          <p className="alert-text">{t("sent").replace("{name}", sent.name)}</p>
          <p className="alert-text">
            <Link to={`/samtykker/${sent.id}`}>{t("seeConsent")}</Link>
          </p>
        </Alert>
      )}
      {templates.error && <ErrorAlert error={templates.error} />}
      {citizen ? (
        <section aria-labelledby="confirm-title">
          <h2 id="confirm-title" className="h3">
            {t("confirmTitle")}
          </h2>
          <Alert kind="warning" className="mb-5">
            <p className="alert-heading">
              {t("sendTo")}: {citizen.name} ({citizen.cprMasked})
            </p>
            <p className="alert-text">{t("rightCitizen")}</p>
          </Alert>
          {citizenMessage.trim() && (
            <Alert kind="info" className="mb-5">
              <p className="alert-heading">{t("messageToCitizen")}</p>
              <p className="alert-text" style={{ whiteSpace: "pre-line" }}>
                {citizenMessage.trim()}
              </p>
            </Alert>
          )}
          <Preview templateId={chosen} />
          <button type="button" className="button button-primary mr-5" onClick={() => void send()}>
            {t("send")}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setCitizen(undefined)}>
            {t("edit")}
          </button>
        </section>
      ) : (
        <>
          <p>{t("requestHelp")}</p>
          <ErrorSummary problems={message ? [{ fieldId: fieldId ?? "request-submit", message }] : []} />
          <form onSubmit={check} noValidate aria-label={t("requestTitle")}>
            <Field id="request-template-search" label={t("templateSearch")} hint={t("templateSearchHint")} error={undefined}>
              {(describedBy) => (
                <input
                  id="request-template-search"
                  type="search"
                  className="form-input input-width-l"
                  autoComplete="off"
                  value={templateSearch}
                  aria-describedby={describedBy}
                  aria-controls="request-template"
                  onChange={(e) => setTemplateSearch(e.target.value)}
                />
              )}
            </Field>
            <p className="form-hint" role="status">
              {choices.length === 1 ? t("templatesFoundOne") : t("templatesFound").replace("{n}", String(choices.length))}
            </p>
            <Field id="request-template" label={t("templateLabel")} error={fieldError("templateId")}>
              {(describedBy) => (
                <select id="request-template" className="form-select input-width-xl" value={chosen} aria-invalid={failed === "templateId"} aria-describedby={describedBy} onChange={(e) => setTemplateId(e.target.value)}>
                  {choices.map((template) => (
                    <option key={template.id} value={template.id}>
                      {pick(template.title)} (v{template.version})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="request-cpr" label={t("cprLabel")} error={fieldError("cpr")}>
              {(describedBy) => (
                <input id="request-cpr" className="form-input input-width-s" inputMode="numeric" autoComplete="off" value={cpr} aria-invalid={failed === "cpr"} aria-describedby={describedBy} onChange={(e) => setCpr(e.target.value)} />
              )}
            </Field>
            <Field id="request-case-reference" label={t("caseReferenceLabel")} error={fieldError("caseReference")}>
              {(describedBy) => (
                <input
                  id="request-case-reference"
                  className="form-input input-width-m"
                  autoComplete="off"
                  value={caseReference}
                  aria-invalid={failed === "caseReference"}
                  aria-describedby={describedBy}
                  onChange={(e) => setCaseReference(e.target.value)}
                />
              )}
            </Field>
            <Field id="request-answer-by" label={t("answerByLabel")} error={fieldError("answerBy")}>
              {(describedBy) => (
                <input id="request-answer-by" className="form-input input-width-s" type="date" value={answerBy} aria-invalid={failed === "answerBy"} aria-describedby={describedBy} onChange={(e) => setAnswerBy(e.target.value)} />
              )}
            </Field>
            <Field id="request-message" label={t("messageLabel")} hint={t("messageHint")} error={fieldError("message")}>
              {(describedBy) => (
                <textarea
                  id="request-message"
                  className="form-input"
                  rows={3}
                  maxLength={1000}
                  value={citizenMessage}
                  aria-invalid={failed === "message"}
                  aria-describedby={describedBy}
                  onChange={(e) => setCitizenMessage(e.target.value)}
                />
              )}
            </Field>
            {/* Never disabled: a disabled button drops the keyboard user's focus to the top of the page. */}
            <button id="request-submit" type="submit" className="button button-primary mt-5">
              {t("continue")}
            </button>
          </form>
        </>
      )}
    </Page>
  );
}
