import { useState, type FormEvent, type ReactNode } from "react";
import { errorField, errorMessage } from "@samtykke/web-kit";
import { ErrorSummary } from "../../lib/ErrorSummary.js";
import { Field } from "../../lib/Field.js";
import { useLanguage, type LocalizedText } from "../../lib/i18n.js";
import { lix, LIX_HARD } from "@samtykke/template/readability";
import { MIN_RETENTION_DAYS, retentionRuleFor } from "@samtykke/template/retention";
import { TEXT_FIELDS, type DraftInput, type TemplateDetail, type TextField } from "./operations.js";

const EMPTY: LocalizedText = { da: "", en: "" };

/** A new draft's fields, or those of the template it starts from. */
export function draftFrom(template: TemplateDetail | undefined): DraftInput {
  const text = (field: TextField) => ({ da: template?.[field].da ?? "", en: template?.[field].en ?? "" });
  return {
    ...(Object.fromEntries(TEXT_FIELDS.map((field) => [field, text(field)])) as Record<TextField, LocalizedText>),
    choices: (template?.choices ?? []).map((choice) => ({
      key: choice.key,
      kind: choice.kind,
      group: choice.group ? { da: choice.group.da, en: choice.group.en } : null,
      label: { da: choice.label.da, en: choice.label.en },
      required: choice.required,
    })),
    defaultValidityDays: template ? template.defaultValidityDays : 365,
    reminderAfterDays: template?.reminderAfterDays ?? null,
    followUpAfterDays: template?.followUpAfterDays ?? null,
    // The editor writes consents; their legal basis's default until the caseworker says otherwise.
    retentionDays: template?.retentionDays ?? retentionRuleFor("CONSENT").defaultDays,
    singleUse: template?.singleUse ?? false,
    boundToCase: template?.boundToCase ?? false,
    signers: template?.signers ?? "CITIZEN",
    informCustodyHolders: template?.informCustodyHolders ?? false,
  };
}

/** The LIX of a Danish text as it is typed, with a warning when it is hard to read. */
function Readability({ text, id }: { text: string; id: string }) {
  const { t } = useLanguage();
  const score = lix(text);
  if (score === null) return null;
  const hard = score >= LIX_HARD;
  return (
    <span id={id} className={`d-block mt-2 ${hard ? "form-error-message" : "form-hint"}`} aria-live="polite">
      {(hard ? t("lixHard") : t("lixOk")).replace("{lix}", String(score))}
    </span>
  );
}

/** A text in Danish (with its readability) and in English. */
function TextPair({ field, value, error, onChange }: { field: TextField; value: LocalizedText; error: (id: string) => string | undefined; onChange: (value: LocalizedText) => void }) {
  const { t } = useLanguage();
  const label = t(`field_${field}`);
  const multiline = field !== "title";
  return (
    <fieldset className="form-group">
      <legend className="h4">{label}</legend>
      {(["da", "en"] as const).map((language) => {
        const id = `tpl-${field}-${language}`;
        const readability = language === "da" ? `${id}-lix` : undefined;
        return (
          <Field key={language} id={id} label={language === "da" ? t("inDanish") : t("inEnglish")} error={error(id)}>
            {(describedBy) => {
              const props = {
                id,
                className: "form-input",
                lang: language,
                value: value[language],
                "aria-invalid": Boolean(error(id)),
                "aria-describedby": [describedBy, readability].filter(Boolean).join(" ") || undefined,
                onChange: (e: { target: { value: string } }) => onChange({ ...value, [language]: e.target.value }),
              };
              return (
                <>
                  {multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
                  {language === "da" && <Readability text={value.da} id={readability!} />}
                </>
              );
            }}
          </Field>
        );
      })}
    </fieldset>
  );
}

/**
 * Every text of a template in Danish and English, its choices and its rules. The readability of each
 * Danish text shows as it is typed; what the API refuses is listed above the form and at its field.
 */
export function TemplateEditor({
  initial,
  keyField,
  error,
  saving,
  submitLabel,
  onSubmit,
  onChange,
}: {
  initial: DraftInput;
  /** For a new template: the key it gets (fixed for a new version). */
  keyField?: { value: string; editable: boolean; onChange: (key: string) => void };
  error: unknown;
  saving: boolean;
  submitLabel: string;
  onSubmit: (draft: DraftInput) => void;
  onChange?: (draft: DraftInput) => void;
}) {
  const { t, language } = useLanguage();
  const [draft, setDraftState] = useState(initial);
  const setDraft = (next: DraftInput) => {
    setDraftState(next);
    onChange?.(next);
  };
  const failed = errorField(error);
  const message = error ? errorMessage(error, language) : undefined;
  const failedId = failed ? `tpl-${failed.replace(/\./g, "-")}` : "tpl-submit";
  const fieldError = (id: string) => (failedId === id ? message : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!saving) onSubmit(draft);
  };
  const setChoice = (index: number, change: Partial<DraftInput["choices"][number]>) =>
    setDraft({ ...draft, choices: draft.choices.map((choice, i) => (i === index ? { ...choice, ...change } : choice)) });
  const row = (children: ReactNode) => <div className="row">{children}</div>;

  return (
    <form onSubmit={submit} noValidate aria-label={t("editorTitle")}>
      <ErrorSummary problems={message ? [{ fieldId: failedId, message }] : []} />
      {keyField && (
        <Field id="tpl-key" label={t("templateKey")} hint={t("templateKeyHint")} error={fieldError("tpl-key")}>
          {(describedBy) => (
            <input
              id="tpl-key"
              className="form-input input-width-l"
              value={keyField.value}
              readOnly={!keyField.editable}
              aria-invalid={Boolean(fieldError("tpl-key"))}
              aria-describedby={describedBy}
              onChange={(e) => keyField.onChange(e.target.value)}
            />
          )}
        </Field>
      )}
      {TEXT_FIELDS.map((field) => (
        <TextPair key={field} field={field} value={draft[field]} error={fieldError} onChange={(value) => setDraft({ ...draft, [field]: value })} />
      ))}

      <h2 className="h3">{t("choicesTitle")}</h2>
      {draft.choices.map((choice, index) => (
        <fieldset key={index} className="form-group p-4" style={{ border: "1px solid #bfbfbf" }}>
          <legend className="h5">{t("choiceN").replace("{n}", String(index + 1))}</legend>
          <Field id={`tpl-choices-${index}-key`} label={t("choiceKey")} error={fieldError(`tpl-choices-${index}-key`)}>
            {(describedBy) => (
              <input id={`tpl-choices-${index}-key`} className="form-input input-width-m" value={choice.key} aria-describedby={describedBy} onChange={(e) => setChoice(index, { key: e.target.value })} />
            )}
          </Field>
          {row(
            (["da", "en"] as const).map((lang) => (
              <div key={lang} className="col-12 col-md-6">
                <Field id={`tpl-choices-${index}-label-${lang}`} label={`${t("choiceLabel")} (${lang === "da" ? t("inDanish") : t("inEnglish")})`} error={fieldError(`tpl-choices-${index}-label-${lang}`)}>
                  {(describedBy) => (
                    <input
                      id={`tpl-choices-${index}-label-${lang}`}
                      lang={lang}
                      className="form-input"
                      value={choice.label[lang]}
                      aria-describedby={describedBy}
                      onChange={(e) => setChoice(index, { label: { ...choice.label, [lang]: e.target.value } })}
                    />
                  )}
                </Field>
              </div>
            )),
          )}
          {row(
            (["da", "en"] as const).map((lang) => (
              <div key={lang} className="col-12 col-md-6">
                <Field id={`tpl-choices-${index}-group-${lang}`} label={`${t("choiceGroup")} (${lang === "da" ? t("inDanish") : t("inEnglish")})`} error={undefined}>
                  {() => (
                    <input
                      id={`tpl-choices-${index}-group-${lang}`}
                      lang={lang}
                      className="form-input"
                      value={choice.group?.[lang] ?? ""}
                      onChange={(e) => {
                        const group = { ...(choice.group ?? EMPTY), [lang]: e.target.value };
                        setChoice(index, { group: group.da || group.en ? group : null });
                      }}
                    />
                  )}
                </Field>
              </div>
            )),
          )}
          <div className="form-group form-group-checkbox">
            <input id={`tpl-choices-${index}-text`} type="checkbox" className="form-checkbox" checked={choice.kind === "TEXT"} onChange={(e) => setChoice(index, { kind: e.target.checked ? "TEXT" : "CHECKBOX" })} />
            <label htmlFor={`tpl-choices-${index}-text`}>{t("choiceIsText")}</label>
          </div>
          <div className="form-group form-group-checkbox">
            <input id={`tpl-choices-${index}-required`} type="checkbox" className="form-checkbox" checked={choice.required} onChange={(e) => setChoice(index, { required: e.target.checked })} />
            <label htmlFor={`tpl-choices-${index}-required`}>{t("choiceRequired")}</label>
          </div>
          <button type="button" className="button button-secondary" onClick={() => setDraft({ ...draft, choices: draft.choices.filter((_, i) => i !== index) })}>
            {t("removeChoice").replace("{n}", String(index + 1))}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button button-secondary mb-6"
        onClick={() => setDraft({ ...draft, choices: [...draft.choices, { key: "", kind: "CHECKBOX", group: null, label: { ...EMPTY }, required: false }] })}
      >
        {t("addChoice")}
      </button>

      <h2 className="h3">{t("rulesTitle")}</h2>
      <Field id="tpl-defaultValidityDays" label={t("validityDays")} hint={t("validityDaysHint")} error={fieldError("tpl-defaultValidityDays")}>
        {(describedBy) => (
          <input
            id="tpl-defaultValidityDays"
            className="form-input input-width-xs"
            inputMode="numeric"
            value={draft.defaultValidityDays ?? ""}
            aria-describedby={describedBy}
            onChange={(e) => setDraft({ ...draft, defaultValidityDays: e.target.value.trim() ? Number(e.target.value) : null })}
          />
        )}
      </Field>
      {(["reminderAfterDays", "followUpAfterDays"] as const).map((field) => (
        <Field key={field} id={`tpl-${field}`} label={t(field)} hint={t(`${field}Hint`)} error={fieldError(`tpl-${field}`)}>
          {(describedBy) => (
            <input
              id={`tpl-${field}`}
              className="form-input input-width-xs"
              inputMode="numeric"
              value={draft[field] ?? ""}
              aria-describedby={describedBy}
              onChange={(e) => setDraft({ ...draft, [field]: e.target.value.trim() ? Number(e.target.value) : null })}
            />
          )}
        </Field>
      ))}
      <Field
        id="tpl-retentionDays"
        label={t("retentionDays")}
        hint={t("retentionDaysHint").replace("{min}", String(MIN_RETENTION_DAYS)).replace("{max}", String(retentionRuleFor("CONSENT").maximumDays)).replace("{default}", String(retentionRuleFor("CONSENT").defaultDays))}
        error={fieldError("tpl-retentionDays")}
      >
        {(describedBy) => (
          <input
            id="tpl-retentionDays"
            className="form-input input-width-xs"
            inputMode="numeric"
            value={draft.retentionDays ?? ""}
            aria-describedby={describedBy}
            onChange={(e) => setDraft({ ...draft, retentionDays: e.target.value.trim() ? Number(e.target.value) : null })}
          />
        )}
      </Field>
      <fieldset className="form-group">
        <legend className="form-label">{t("signersLabel")}</legend>
        <ul className="nobullet-list">
          {(["CITIZEN", "CUSTODY_HOLDERS", "YOUNG_PERSON_FROM_15", "YOUNG_PERSON_AND_CUSTODY_HOLDERS"] as const).map((signers) => (
            <li key={signers}>
              <input id={`tpl-signers-${signers}`} type="radio" name="tpl-signers" className="form-radio" checked={draft.signers === signers} onChange={() => setDraft({ ...draft, signers })} />
              <label htmlFor={`tpl-signers-${signers}`}>{t(`signers_${signers}`)}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      {draft.signers === "YOUNG_PERSON_FROM_15" && (
        <div className="form-group form-group-checkbox">
          <input
            id="tpl-informCustodyHolders"
            type="checkbox"
            className="form-checkbox"
            checked={draft.informCustodyHolders}
            onChange={(e) => setDraft({ ...draft, informCustodyHolders: e.target.checked })}
          />
          <label htmlFor="tpl-informCustodyHolders">{t("informCustodyHoldersLabel")}</label>
        </div>
      )}
      <div className="form-group form-group-checkbox">
        <input id="tpl-singleUse" type="checkbox" className="form-checkbox" checked={draft.singleUse} onChange={(e) => setDraft({ ...draft, singleUse: e.target.checked })} />
        <label htmlFor="tpl-singleUse">{t("singleUseLabel")}</label>
      </div>
      <div className="form-group form-group-checkbox">
        <input id="tpl-boundToCase" type="checkbox" className="form-checkbox" checked={draft.boundToCase} onChange={(e) => setDraft({ ...draft, boundToCase: e.target.checked })} />
        <label htmlFor="tpl-boundToCase">{t("boundToCaseLabel")}</label>
      </div>
      {/* Never disabled: a disabled button drops the keyboard user's focus to the top of the page. */}
      <button id="tpl-submit" type="submit" className="button button-primary">
        {submitLabel}
      </button>
    </form>
  );
}
