import { useEffect, useRef } from "react";
import { Alert } from "@samtykke/web-kit";
import { useLanguage } from "./i18n.js";

export interface FieldProblem {
  /** The id of the field the problem is about; its link moves focus there. */
  fieldId: string;
  message: string;
}

/**
 * The dkfds error summary: every problem of a form at once, above it, each a link to its field. It
 * takes focus when it appears, so a keyboard or screen-reader user lands on what went wrong.
 */
export function ErrorSummary({ problems }: { problems: FieldProblem[] }) {
  const { t } = useLanguage();
  const summary = useRef<HTMLDivElement>(null);
  const key = problems.map((problem) => `${problem.fieldId}:${problem.message}`).join("|");
  useEffect(() => {
    if (key) summary.current?.focus();
  }, [key]);
  if (!problems.length) return null;
  return (
    <Alert kind="error" className="mb-5" role="alert" tabIndex={-1} ref={summary} labelledBy="error-summary-heading">
      <p className="alert-heading" id="error-summary-heading">
        {t("errorSummary")}
      </p>
      <ul className="alert-text nobullet-list">
        {problems.map((problem) => (
          <li key={problem.fieldId + problem.message}>
            <a
              className="function-link"
              href={`#${problem.fieldId}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(problem.fieldId)?.focus();
              }}
            >
              {problem.message}
            </a>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
