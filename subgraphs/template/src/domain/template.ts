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

/** Who must sign for a consent to be in force. */
export enum Signers {
  /** The citizen the consent concerns. */
  CITIZEN = "CITIZEN",
  /** Every holder of custody of the child it concerns (usually both parents), until the child is 18. */
  CUSTODY_HOLDERS = "CUSTODY_HOLDERS",
  /** The custody holders under 15; from 15 the young person alone (as the Health Act § 17 lets them consent to treatment). */
  YOUNG_PERSON_FROM_15 = "YOUNG_PERSON_FROM_15",
  /** The custody holders under 15; from 15 the young person and the custody holders together. */
  YOUNG_PERSON_AND_CUSTODY_HOLDERS = "YOUNG_PERSON_AND_CUSTODY_HOLDERS",
}

/** NSIS assurance levels, as MitID logins carry them. */
export enum AssuranceLevel {
  LOW = "LOW",
  SUBSTANTIAL = "SUBSTANTIAL",
  HIGH = "HIGH",
}

export enum ChoiceKind {
  /** Yes or no; the citizen must answer it either way, nothing is pre-ticked. */
  CHECKBOX = "CHECKBOX",
  /** Free text, e.g. the name and address of "another party". */
  TEXT = "TEXT",
}

export interface LocalizedText {
  da: string;
  en: string;
}

/** One structured choice in a template, e.g. "obtain from: your employer". */
export interface Choice {
  /** Stable within the template version; answers refer to it. */
  key: string;
  kind: ChoiceKind;
  /** Heading the choice is shown under, e.g. "Obtain information from". */
  group: LocalizedText | null;
  label: LocalizedText;
  /** A required checkbox must be ticked yes for the consent to be given; a required text must be filled in. */
  required: boolean;
  /** For TEXT choices. */
  maxLength: number | null;
}

/** The texts a citizen reads before answering, in both languages. */
export interface TemplateTexts {
  title: LocalizedText;
  purpose: LocalizedText;
  /** What information the consent covers. */
  dataCovered: LocalizedText;
  /** Which parties it is obtained from or shared with. */
  partiesCovered: LocalizedText;
  consequencesOfYes: LocalizedText;
  consequencesOfNo: LocalizedText;
  howToWithdraw: LocalizedText;
}

export const TEXT_FIELDS = ["title", "purpose", "dataCovered", "partiesCovered", "consequencesOfYes", "consequencesOfNo", "howToWithdraw"] as const satisfies readonly (keyof TemplateTexts)[];

/** What a citizen reads and fills in; snapshotted into every consent given on the version. */
export interface TemplateContent extends TemplateTexts {
  choices: Choice[];
}
