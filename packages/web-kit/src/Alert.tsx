import type { ReactNode, Ref } from "react";
import { Icon } from "./Icon.js";

const ICONS = { info: "info", success: "success", warning: "warning", error: "error" } as const;

/**
 * A dkfds alert with its icon (the alert keeps room for it on its left either way). `role`, `ref`
 * and `tabIndex` are for a notice that is announced or given focus when it appears.
 */
export function Alert({
  kind,
  children,
  className = "",
  role,
  ref,
  tabIndex,
  labelledBy,
}: {
  kind: keyof typeof ICONS;
  /** The alert's heading (`alert-heading`, any element) and text (`alert-text`). */
  children?: ReactNode;
  className?: string;
  role?: "status" | "alert";
  ref?: Ref<HTMLDivElement>;
  tabIndex?: number;
  labelledBy?: string;
}) {
  return (
    <div className={`alert alert-${kind} ${className}`.trim()} role={role} ref={ref} tabIndex={tabIndex} aria-labelledby={labelledBy}>
      <Icon name={ICONS[kind]} className="alert-icon" />
      <div className="alert-body">
        {children}
      </div>
    </div>
  );
}
