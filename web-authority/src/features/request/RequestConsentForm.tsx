import { gql } from "@apollo/client";
import { useMutation, useQuery } from "@apollo/client/react";
import { ErrorAlert, errorField, errorMessage } from "@samtykke/web-kit";
import { useState, type FormEvent } from "react";
import { useLanguage } from "../../lib/i18n.js";

const TEMPLATES = gql`
  query AuthorityTemplates($authorityId: ID!) {
    authority(id: $authorityId) {
      id
      templates(first: 100) { id key version title { da en } }
    }
  }
`;

const REQUEST_CONSENT = gql`
  mutation RequestConsent($input: RequestConsentInput!) {
    requestConsent(input: $input) { id status }
  }
`;

interface Template {
  id: string;
  key: string;
  version: number;
  title: { da: string; en: string };
}

/** A caseworker asks a citizen for consent; `?cpr=` in the address fills in the citizen ("jump in"). */
export function RequestConsentForm({ authorityId }: { authorityId: string }) {
  const { t, pick, language } = useLanguage();
  const { data } = useQuery<{ authority: { templates: Template[] } }>(TEMPLATES, { variables: { authorityId } });
  const [templateId, setTemplateId] = useState("");
  const [cpr, setCpr] = useState(() => new URLSearchParams(window.location.search).get("cpr") ?? "");
  const [caseReference, setCaseReference] = useState("");
  const [requestConsent, { loading, error, data: sent, reset }] = useMutation(REQUEST_CONSENT);
  const templates = data?.authority.templates ?? [];
  const chosenTemplate = templateId || templates[0]?.id || "";
  const failedField = error ? errorField(error) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset();
    void requestConsent({ variables: { input: { templateId: chosenTemplate, cpr, caseReference: caseReference || null } } })
      .then(() => {
        setCpr("");
        setCaseReference("");
      })
      .catch(() => {});
  };

  return (
    <section aria-labelledby="request-title" className="mt-7">
      <h2 id="request-title">{t("requestTitle")}</h2>
      <form onSubmit={submit} noValidate>
        <div className="form-group">
          <label className="form-label" htmlFor="template">
            {t("templateLabel")}
          </label>
          <select id="template" className="form-select" value={chosenTemplate} onChange={(e) => setTemplateId(e.target.value)}>
            {templates.map((template) => (
              <option key={template.id} value={template.id}>
                {pick(template.title)} (v{template.version})
              </option>
            ))}
          </select>
        </div>
        <div className={`form-group${failedField === "cpr" ? " form-error" : ""}`}>
          <label className="form-label" htmlFor="request-cpr">
            {t("cprLabel")}
          </label>
          {failedField === "cpr" && (
            <span className="form-error-message" id="request-cpr-error">
              {errorMessage(error, language)}
            </span>
          )}
          <input
            id="request-cpr"
            className="form-input input-width-s"
            inputMode="numeric"
            autoComplete="off"
            value={cpr}
            aria-invalid={failedField === "cpr"}
            aria-describedby={failedField === "cpr" ? "request-cpr-error" : undefined}
            onChange={(e) => setCpr(e.target.value)}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="case-reference">
            {t("caseReferenceLabel")}
          </label>
          <input id="case-reference" className="form-input input-width-m" value={caseReference} onChange={(e) => setCaseReference(e.target.value)} />
        </div>
        {error && failedField !== "cpr" && <ErrorAlert error={error} />}
        <button type="submit" className="button button-primary" disabled={loading || !chosenTemplate}>
          {t("send")}
        </button>
        {sent !== undefined && sent !== null && (
          <p role="status" className="mt-4">
            {t("sent")}
          </p>
        )}
      </form>
    </section>
  );
}
