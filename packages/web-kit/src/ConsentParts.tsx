import type { ReactNode } from "react";
import type { Choice, ChoiceAnswer } from "./ChoiceField.js";
import { useSharedLanguage, type LocalizedText } from "./i18n.js";

/** The texts a consent was asked with, as the API sends them. */
export interface ConsentTextFields {
  purpose: LocalizedText;
  dataCovered: LocalizedText;
  partiesCovered: LocalizedText;
  consequencesOfYes: LocalizedText;
  consequencesOfNo: LocalizedText;
  howToWithdraw: LocalizedText;
}

/** A dkfds summary list: one row per item, its name and its value. */
export function SummaryList({ rows, label }: { rows: { key: string; name: ReactNode; value: ReactNode; action?: ReactNode }[]; label?: string }) {
  return (
    <dl className="summary-list" aria-label={label}>
      {rows.map((row) => (
        <div key={row.key}>
          <dt>{row.name}</dt>
          <dd>
            {row.value}
            {row.action && <> {row.action}</>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** What the citizen is asked: purpose, data, parties, consequences either way, and how to withdraw. */
export function ConsentTexts({ consent }: { consent: ConsentTextFields }) {
  const { shared: t, pick } = useSharedLanguage();
  const sections = ["dataCovered", "partiesCovered", "consequencesOfYes", "consequencesOfNo", "howToWithdraw"] as const;
  return (
    <>
      <h3 className="h4">{t("purpose")}</h3>
      <p>{pick(consent.purpose)}</p>
      {sections.map((field) => (
        <div key={field}>
          <h3 className="h4">{t(field)}</h3>
          <p>{pick(consent[field])}</p>
        </div>
      ))}
    </>
  );
}

/** Each choice with its answer, in the template's order, as a summary list. */
export function AnswersList({ choices, answers, label, action }: { choices: Choice[]; answers: ChoiceAnswer[]; label?: string; action?: ReactNode }) {
  const { pick, shared } = useSharedLanguage();
  const byKey = new Map(answers.map((answer) => [answer.key, answer]));
  return (
    <SummaryList
      label={label}
      rows={choices.map((choice) => {
        const answer = byKey.get(choice.key);
        const value = choice.kind === "CHECKBOX" ? (answer?.checked === true ? shared("yes") : answer?.checked === false ? shared("no") : "–") : answer?.text || "–";
        return { key: choice.key, name: `${choice.group ? `${pick(choice.group)}: ` : ""}${pick(choice.label)}`, value, action };
      })}
    />
  );
}
