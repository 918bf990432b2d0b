import { useSharedLanguage, type LocalizedText } from "./i18n.js";

/** A choice of a consent template, as the API describes it. */
export interface Choice {
  key: string;
  kind: "CHECKBOX" | "TEXT";
  group: LocalizedText | null;
  label: LocalizedText;
  required: boolean;
  maxLength: number | null;
}

export interface ChoiceAnswer {
  key: string;
  checked?: boolean | null;
  text?: string | null;
}

/**
 * One choice: a yes/no pair with neither picked (nothing is pre-ticked), or a text field. Both
 * apps use it: the citizen answering, the caseworker copying a paper form's answers.
 */
export function ChoiceField({
  idPrefix,
  choice,
  answer,
  requiredNote,
  onAnswer,
}: {
  idPrefix: string;
  choice: Choice;
  answer: ChoiceAnswer | undefined;
  /** What a required choice means for this reader. */
  requiredNote: string;
  onAnswer: (answer: ChoiceAnswer) => void;
}) {
  const { pick, t: text } = useSharedLanguage();
  const id = `${idPrefix}-${choice.key}`;
  if (choice.kind === "TEXT") {
    return (
      <div className="form-group">
        <label className="form-label" htmlFor={id}>
          {pick(choice.label)} {!choice.required && <span className="weight-normal">({text("optional")})</span>}
        </label>
        <input
          id={id}
          className="form-input"
          type="text"
          maxLength={choice.maxLength ?? undefined}
          required={choice.required}
          value={answer?.text ?? ""}
          onChange={(event) => onAnswer({ key: choice.key, text: event.target.value })}
        />
      </div>
    );
  }
  return (
    <fieldset className="form-group">
      <legend className="form-label">
        {pick(choice.label)}
        {choice.required && <span className="weight-normal"> ({requiredNote})</span>}
      </legend>
      <ul className="nobullet-list">
        {([true, false] as const).map((checked) => (
          <li key={String(checked)}>
            <input
              id={`${id}-${checked}`}
              className="form-radio"
              type="radio"
              name={id}
              checked={answer?.checked === checked}
              onChange={() => onAnswer({ key: choice.key, checked })}
            />
            <label htmlFor={`${id}-${checked}`}>{checked ? text("yes") : text("no")}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** Choices in the order the template gives them, consecutive ones under one heading kept together. */
export function groupChoices(choices: Choice[]): { group: Choice["group"]; choices: Choice[] }[] {
  const groups: { group: Choice["group"]; choices: Choice[] }[] = [];
  for (const choice of choices) {
    const last = groups.at(-1);
    if (last && last.group?.da === choice.group?.da) last.choices.push(choice);
    else groups.push({ group: choice.group, choices: [choice] });
  }
  return groups;
}

/** A template's choices as fields, consecutive ones under one heading in a fieldset with it as legend. */
export function ChoiceFields({
  idPrefix,
  choices,
  answers,
  requiredNote,
  onAnswer,
}: {
  idPrefix: string;
  choices: Choice[];
  answers: Record<string, ChoiceAnswer>;
  requiredNote: string;
  onAnswer: (answer: ChoiceAnswer) => void;
}) {
  const { pick } = useSharedLanguage();
  return groupChoices(choices).map(({ group, choices: grouped }, index) => {
    const fields = grouped.map((choice) => <ChoiceField key={choice.key} idPrefix={idPrefix} choice={choice} answer={answers[choice.key]} requiredNote={requiredNote} onAnswer={onAnswer} />);
    return group ? (
      <fieldset key={`${index}-${pick(group)}`} className="mb-5">
        <legend className="h5">{pick(group)}</legend>
        {fields}
      </fieldset>
    ) : (
      fields
    );
  });
}
