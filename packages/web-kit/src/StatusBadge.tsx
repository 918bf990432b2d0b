import { useSharedLanguage, type ConsentStatus } from "./i18n.js";

const BADGE: Partial<Record<ConsentStatus, string>> = {
  REQUESTED: "badge-info",
  ACTIVE: "badge-success",
  PAUSED: "badge-warning",
};

/** A consent's status as a dkfds badge; the words carry the meaning, the colour only helps. */
export function StatusBadge({ status }: { status: ConsentStatus }) {
  const { status: label } = useSharedLanguage();
  return <span className={`badge ${BADGE[status] ?? ""}`}>{label(status)}</span>;
}
