import type { Language, LocalizedText } from "./i18n.js";

const STATUS: Record<string, LocalizedText> = {
  REQUESTED: { da: "Anmodet", en: "Requested" },
  ACTIVE: { da: "Aktivt", en: "Active" },
  PAUSED: { da: "Sat på pause", en: "Paused" },
  DECLINED: { da: "Afvist", en: "Declined" },
  WITHDRAWN: { da: "Trukket tilbage", en: "Withdrawn" },
  EXPIRED: { da: "Udløbet", en: "Expired" },
  USED: { da: "Opbrugt", en: "Used" },
  CLOSED: { da: "Afsluttet", en: "Closed" },
  CANCELLED: { da: "Annulleret", en: "Cancelled" },
};

/** A consent status in words; an app may word some differently (`overrides`). */
export function statusLabel(status: string, language: Language, overrides: Record<string, LocalizedText> = {}): string {
  return (overrides[status] ?? STATUS[status])?.[language] ?? status;
}
