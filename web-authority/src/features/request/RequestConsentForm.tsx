import { useMutation, useQuery } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { ErrorAlert, errorField, errorMessage, Icon } from "@samtykke/web-kit";
import { Field } from "../../lib/Field.js";
import { useLanguage } from "../../lib/i18n.js";
import { AUTHORITY_TEMPLATES, REQUEST_CONSENT } from "./operations.js";

/**
 * A caseworker asks a citizen for consent on one of the authority's templates. A link from a case
 * system can jump in with the citizen filled in: `?cpr=0101804321`.
 */
export function RequestConsentForm({ authorityId }: { authorityId: string }) {
  const { t, pick, language } = useLanguage();
  const templates = useQuery(AUTHORITY_TEMPLATES, { variables: { authorityId } });
  const [templateId, setTemplateId] = useState("");
  const [cpr, setCpr] = useState(() => new URLSearchParams(window.location.search).get("cpr") ?? "");
  const [caseReference, setCaseReference] = useState("");
  const [requestConsent, { loading, error, data: sent, reset }] = useMutation(REQUEST_CONSENT);
  const choices = templates.data?.authority.templates ?? [];
  const chosen = templateId || choices[0]?.id || "";
  // A BAD_USER_INPUT error names its field: its message goes next to that field, anything else above the button.
  const failed = errorField(error);
  const fieldError = (field: string) => (failed === field ? errorMessage(error, language) : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset();
    requestConsent({ variables: { input: { templateId: chosen, cpr: cpr.trim(), caseReference: caseReference.trim() || null } } })
      .then(() => {
        setCpr("");
        setCaseReference("");
      })
      .catch(() => {}); // shown from `error`; what was typed stays for correcting
  };

  return (
    <section aria-labelledby="request-title" className="mt-7">
      <h2 id="request-title">{t("requestTitle")}</h2>
      {templates.error && <ErrorAlert error={templates.error} />}
      <form onSubmit={submit} noValidate>
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
            <input
              id="request-cpr"
              className="form-input input-width-s"
              inputMode="numeric"
              autoComplete="off"
              value={cpr}
              aria-invalid={failed === "cpr"}
              aria-describedby={describedBy}
              onChange={(e) => setCpr(e.target.value)}
            />
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
        {error && !["templateId", "cpr", "caseReference"].includes(failed ?? "") && <ErrorAlert error={error} />}
        <button type="submit" className="button button-primary mt-5" disabled={loading || !chosen}>
          {t("send")}
        </button>
      </form>
      {sent && (
        <div className="alert alert-success mt-5" role="status">
          <Icon name="success" className="alert-icon" />
          <div className="alert-body">
            <p className="alert-text">{t("sent")}</p>
          </div>
        </div>
      )}
    </section>
  );
}
