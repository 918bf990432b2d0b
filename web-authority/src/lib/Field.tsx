import type { ReactNode } from "react";

/** A dkfds form group: label, the API's message for this field when it has one, and the control. */
export function Field({ id, label, error, children }: { id: string; label: string; error: string | undefined; children: (describedBy: string | undefined) => ReactNode }) {
  return (
    <div className={`form-group${error ? " form-error" : ""}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {error && (
        <span className="form-error-message" id={`${id}-error`}>
          {error}
        </span>
      )}
      {children(error ? `${id}-error` : undefined)}
    </div>
  );
}
