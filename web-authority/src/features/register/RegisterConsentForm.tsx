import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Alert, ChoiceFields, ErrorAlert, errorField, errorMessage, Page, type ChoiceAnswer } from "@samtykke/web-kit";
import { Link } from "react-router";
import { useAuthorityLive } from "../../app/live.js";
import { Field } from "../../lib/Field.js";
import { useLanguage } from "../../lib/i18n.js";
import { REGISTER_CONSENT, TEMPLATES_WITH_CHOICES, UPLOAD_PAPER_CONSENT } from "./operations.js";

type How = "IN_PERSON" | "PAPER";

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The chosen scan as it will be stored: an image shown, a PDF opened in the browser's own viewer. */
function ScanPreview({ file }: { file: File }) {
  const { t } = useLanguage();
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const objectUrl = URL.createObjectURL(file);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file]);
  if (!url) return null;
  return (
    <div className="form-group">
      {file.type.startsWith("image/") ? (
        <img src={url} alt={t("scanPreviewAlt").replace("{name}", file.name)} style={{ maxWidth: "100%", maxHeight: "24rem", border: "1px solid #bfbfbf" }} />
      ) : (
        <a href={url} target="_blank" rel="noreferrer">
          {t("openScan").replace("{name}", file.name)}
        </a>
      )}
    </div>
  );
}

/**
 * A consent the citizen gave outside the platform: in person or by phone, or on a signed paper form
 * (scanned). The caseworker copies the answers, says how it was given, and attests it with their login.
 */
export function RegisterConsentForm() {
  const { t, pick, language } = useLanguage();
  const { authorityId } = useAuthorityLive();
  const templates = useQuery(TEMPLATES_WITH_CHOICES, { variables: { authorityId } });
  const [templateId, setTemplateId] = useState("");
  const [cpr, setCpr] = useState("");
  const [caseReference, setCaseReference] = useState("");
  const [how, setHow] = useState<How>("IN_PERSON");
  const [statement, setStatement] = useState("");
  // The caseworker's own calendar day, as the date field shows it (not UTC's, which is yesterday after midnight in Denmark).
  const today = () => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  };
  const [signedAt, setSignedAt] = useState(today);
  const [scan, setScan] = useState<File | null>(null);
  const [answers, setAnswers] = useState<Record<string, ChoiceAnswer>>({});
  // One key per filled-in form: a retry after a lost answer stores the paper consent once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  // A form signed today is recorded at noon only once noon has passed: the API refuses a signing in
  // the future. The moment is kept with the key, so a retry sends the same request.
  const signedMoment = useRef<{ key: string; day: string; at: string } | null>(null);
  const signedAtFor = (day: string) => {
    if (signedMoment.current?.key !== idempotencyKey || signedMoment.current.day !== day) {
      const at = new Date(Math.min(new Date(`${day}T12:00:00`).getTime(), Date.now())).toISOString();
      signedMoment.current = { key: idempotencyKey, day, at };
    }
    return signedMoment.current.at;
  };
  const [register, registering] = useMutation(REGISTER_CONSENT);
  const [upload, uploading] = useMutation(UPLOAD_PAPER_CONSENT);
  const [done, setDone] = useState<string>();
  const doneMessage = useRef<HTMLDivElement>(null);
  const list = templates.data?.authority.templates ?? [];
  const chosen = list.find((template) => template.id === templateId) ?? list[0];
  const error = how === "PAPER" ? uploading.error : registering.error;
  const failed = errorField(error);
  const fieldError = (field: string) => (failed === field || failed?.startsWith(`${field}.`) ? errorMessage(error, language) : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || registering.loading || uploading.loading) return;
    setDone(undefined);
    const input = { templateId: chosen.id, cpr: cpr.trim(), caseReference: caseReference.trim() || null, statement, answers: Object.values(answers) };
    try {
      let id: string;
      if (how === "PAPER") {
        const scanBase64 = scan ? await readAsBase64(scan) : "";
        id = (await upload({ variables: { input: { ...input, scanBase64, fileName: scan?.name ?? "", signedAt: signedAtFor(signedAt), idempotencyKey } } })).data!.uploadPaperConsent.id;
      } else {
        id = (await register({ variables: { input } })).data!.registerConsent.id;
      }
      setCpr("");
      setCaseReference("");
      setStatement("");
      setSignedAt(today());
      setScan(null);
      setAnswers({});
      setIdempotencyKey(crypto.randomUUID());
      setDone(id);
      setTimeout(() => doneMessage.current?.focus(), 0);
    } catch {
      // Shown from `error`; what was filled in stays for correcting.
    }
  };

  return (
    <Page title={t("registerTitle")}>
      <p>{t("registerHelp")}</p>
      {templates.error && <ErrorAlert error={templates.error} />}
      <form onSubmit={submit} noValidate aria-label={t("registerTitle")}>
        <Field id="register-template" label={t("templateLabel")} error={fieldError("templateId")}>
          {(describedBy) => (
            <select
              id="register-template"
              className="form-select input-width-xl"
              value={chosen?.id ?? ""}
              aria-describedby={describedBy}
              onChange={(e) => {
                setTemplateId(e.target.value);
                setAnswers({});
              }}
            >
              {list.map((template) => (
                <option key={template.id} value={template.id}>
                  {pick(template.title)} (v{template.version})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="register-cpr" label={t("cprLabel")} error={fieldError("cpr")}>
          {(describedBy) => (
            <input id="register-cpr" className="form-input input-width-s" inputMode="numeric" autoComplete="off" value={cpr} aria-invalid={failed === "cpr"} aria-describedby={describedBy} onChange={(e) => setCpr(e.target.value)} />
          )}
        </Field>
        <Field id="register-case-reference" label={t("caseReferenceLabel")} error={fieldError("caseReference")}>
          {(describedBy) => (
            <input id="register-case-reference" className="form-input input-width-m" autoComplete="off" value={caseReference} aria-describedby={describedBy} onChange={(e) => setCaseReference(e.target.value)} />
          )}
        </Field>
        <fieldset className="form-group">
          <legend className="form-label">{t("howGiven")}</legend>
          <ul className="nobullet-list">
            {(["IN_PERSON", "PAPER"] as const).map((value) => (
              <li key={value}>
                <input id={`register-how-${value}`} className="form-radio" type="radio" name="register-how" checked={how === value} onChange={() => setHow(value)} />
                <label htmlFor={`register-how-${value}`}>{t(value === "PAPER" ? "onPaper" : "inPerson")}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        {how === "PAPER" && (
          <>
            <Field id="register-scan" label={t("scanLabel")} error={fieldError("file") ?? fieldError("fileName")}>
              {(describedBy) => (
                <input id="register-scan" className="form-file-input" type="file" accept="application/pdf,image/png,image/jpeg" aria-describedby={describedBy} onChange={(e) => setScan(e.target.files?.[0] ?? null)} />
              )}
            </Field>
            {scan && <ScanPreview file={scan} />}
            <Field id="register-signed-at" label={t("signedAtLabel")} error={fieldError("givenAt")}>
              {(describedBy) => <input id="register-signed-at" className="form-input input-width-s" type="date" value={signedAt} aria-describedby={describedBy} onChange={(e) => setSignedAt(e.target.value)} />}
            </Field>
          </>
        )}
        {chosen && chosen.choices.length > 0 && (
          <>
            <h3 className="h4">{t("answersTitle")}</h3>
            <p className="form-hint">{t("answersHelp")}</p>
            <ChoiceFields
              idPrefix="register"
              choices={chosen.choices}
              answers={answers}
              requiredNote={t("requiredChoice")}
              onAnswer={(answer) => setAnswers((current) => ({ ...current, [answer.key]: answer }))}
            />
          </>
        )}
        <Field id="register-statement" label={t("statementLabel")} error={fieldError("attestation")}>
          {(describedBy) => (
            <textarea id="register-statement" className="form-input" rows={3} maxLength={1000} value={statement} aria-describedby={describedBy} onChange={(e) => setStatement(e.target.value)} />
          )}
        </Field>
        {error && !["templateId", "cpr", "caseReference", "file", "fileName", "givenAt", "attestation"].includes(failed ?? "") && <ErrorAlert error={error} />}
        {/* Never disabled: a disabled button drops the keyboard user's focus to the top of the page. */}
        <button type="submit" className="button button-primary mt-5">
          {t("register")}
        </button>
      </form>
      {done && (
        <Alert kind="success" className="mt-5" role="status" tabIndex={-1} ref={doneMessage}>
          <p className="alert-text">{t("registered")}</p>
          <p className="alert-text">
            <Link to={`/samtykker/${done}`}>{t("seeConsent")}</Link>
          </p>
        </Alert>
      )}
    </Page>
  );
}
