import type { ReactNode } from "react";

/** A dkfds form group: label, an optional hint, the API's message for this field when it has one, and the control. */
export function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error: string | undefined; children: (describedBy: string | undefined) => ReactNode }) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`form-group${error ? " form-error" : ""}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="form-error-message" id={`${id}-error`}>
          {error}
        </span>
      )}
      {children(describedBy)}
    </div>
  );
}
