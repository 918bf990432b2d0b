/** A template's lifecycle: drafted, published (then immutable) and finally retired. */
export enum TemplateStatus {
  DRAFT = "DRAFT",
  PUBLISHED = "PUBLISHED",
  RETIRED = "RETIRED",
}

/** The three kinds of declaration of will (viljestilkendegivelse). */
export enum DeclarationKind {
  CONSENT = "CONSENT",
  OBJECTION = "OBJECTION",
  POWER_OF_ATTORNEY = "POWER_OF_ATTORNEY",
}

export interface LocalizedText {
  da: string;
  en: string;
}

/** What a citizen reads before answering; snapshotted into every consent given on the version. */
export interface TemplateContent {
  title: LocalizedText;
  purpose: LocalizedText;
}
