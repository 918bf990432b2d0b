import { ConsentStatus } from "./consent-state.js";
import type { ConsentBody, ChoiceAnswer, LocalizedText, Signature } from "./declaration.js";
import { ChoiceKind, type SignatureMethod } from "./declaration.js";

/** What the citizen's mailbox receives: a request to answer, or a receipt for what happened. */
export enum LetterKind {
  REQUEST = "REQUEST",
  /** The request again, to the givers who have not answered it. */
  REMINDER = "REMINDER",
  GIVEN = "GIVEN",
  DECLINED = "DECLINED",
  WITHDRAWN = "WITHDRAWN",
  EXPIRED = "EXPIRED",
  /** The consent ended otherwise: its case was closed, or it was used. */
  ENDED = "ENDED",
  /** To a young person's custody holders: the young person has answered a request they answer alone (never what). */
  INFORMED = "INFORMED",
}

/** The consent as a letter needs it: its texts and choices, answers, signatures and who gives it. */
export interface LetterConsent {
  id: string;
  subjectId: string;
  /** Named in letters that go to others than the subject (a child's custody holders). */
  subjectName?: string | null;
  requiredSignerIds: readonly string[];
  /** Custody holders told that a young person of 15-17 has answered alone. */
  informOnAnswerIds?: readonly string[] | null;
  handedOverAt?: Date | null;
  body: ConsentBody;
  answers?: readonly ChoiceAnswer[] | null;
  signatures: readonly Signature[];
  caseReference?: string | null;
  /** The authority's own words with the request. */
  message?: string | null;
  validFrom?: Date | null;
  validTo?: Date | null;
}

/** The event a letter answers to. */
export interface LetterEvent {
  id: string;
  action: string;
  status: ConsentStatus;
  occurredAt: Date;
}

const GIVING_ACTIONS = ["give", "register", "deliver", "upload"];

/** A request and its reminder ask for an answer; the others are receipts. */
function asksForAnAnswer(kind: LetterKind): boolean {
  return kind === LetterKind.REQUEST || kind === LetterKind.REMINDER;
}

/** A receipt for what happened to a consent (given, declined, withdrawn, expired, ended), to the one who answers for it. */
export function isReceipt(kind: LetterKind): boolean {
  return !asksForAnAnswer(kind) && kind !== LetterKind.INFORMED;
}

/** Which letter an event sends, if any: a request, or a receipt when a consent is given, withdrawn or expires. */
export function letterKindFor(event: Pick<LetterEvent, "action" | "status">): LetterKind | null {
  if (event.action === "request" || event.action === "askYoungPerson" || event.action === "addGiver") return LetterKind.REQUEST;
  if (event.action === "remind") return LetterKind.REMINDER;
  if (event.status === ConsentStatus.ACTIVE && GIVING_ACTIONS.includes(event.action)) return LetterKind.GIVEN;
  if (event.action === "decline") return LetterKind.DECLINED;
  if (event.action === "withdraw") return LetterKind.WITHDRAWN;
  if (event.action === "expire") return LetterKind.EXPIRED;
  if (event.action === "closeCase" || event.action === "markUsed") return LetterKind.ENDED;
  return null;
}

/**
 * Who gets the letter: those who answer for the consent. A child's custody holders until the
 * handover, then the young person; an attorney's grantor gets their own letters.
 */
export function letterRecipients(
  consent: Pick<LetterConsent, "subjectId" | "requiredSignerIds" | "handedOverAt" | "signatures">,
  kind?: LetterKind,
  action?: string,
): string[] {
  // On their 15th birthday the young person is asked; custody holders who were asked before are not asked again.
  if (action === "askYoungPerson") return [consent.subjectId];
  const everyone = consent.handedOverAt || consent.requiredSignerIds.length === 0 ? [consent.subjectId] : [...new Set(consent.requiredSignerIds)];
  // A reminder goes to those who have not answered; a parent who signed is not pressed again. So
  // does the request when a new custody holder is added to it.
  if (kind === LetterKind.REMINDER || action === "addGiver") return everyone.filter((id) => !consent.signatures.some((signature) => signature.signerId === id));
  return everyone;
}

const HEADINGS: Record<LetterKind, LocalizedText> = {
  REQUEST: { da: "Anmodning om samtykke", en: "Request for consent" },
  REMINDER: { da: "Påmindelse: anmodning om samtykke", en: "Reminder: request for consent" },
  GIVEN: { da: "Kvittering: samtykke givet", en: "Receipt: consent given" },
  DECLINED: { da: "Kvittering: anmodning afvist", en: "Receipt: request declined" },
  ENDED: { da: "Kvittering: samtykke afsluttet", en: "Receipt: consent ended" },
  WITHDRAWN: { da: "Kvittering: samtykke trukket tilbage", en: "Receipt: consent withdrawn" },
  EXPIRED: { da: "Kvittering: samtykke udløbet", en: "Receipt: consent expired" },
  INFORMED: { da: "Orientering: den unge har svaret", en: "For your information: the young person has answered" },
};

/**
 * Who is told that a young person has answered alone: the custody holders the template says to
 * inform, when the young person answered (gave or declined) without them.
 */
export function informedOf(event: Pick<LetterEvent, "action" | "status">, consent: Pick<LetterConsent, "informOnAnswerIds" | "requiredSignerIds">): string[] {
  const answered = (event.action === "give" && event.status === ConsentStatus.ACTIVE) || event.action === "decline";
  if (!answered) return [];
  return (consent.informOnAnswerIds ?? []).filter((id) => !consent.requiredSignerIds.includes(id));
}

/** The letter's subject line, as the mailbox lists it. */
export function letterTitle(kind: LetterKind, consent: Pick<LetterConsent, "body">): LocalizedText {
  return { da: `${HEADINGS[kind].da}: ${consent.body.title.da}`, en: `${HEADINGS[kind].en}: ${consent.body.title.en}` };
}

/** One block of the letter: a heading, its lines, and perhaps a web address to follow. */
export interface LetterSection {
  heading: string;
  lines: string[];
  /** How the lines are laid out and tagged for a screen reader: paragraphs, a list, or facts (name: value) as a table. */
  form?: "paragraphs" | "list" | "facts";
  link?: { label: string; url: string };
}

/** A letter in one language: a title and its sections, ready to be laid out as a PDF. */
export interface LetterContent {
  title: string;
  sections: LetterSection[];
}

type Language = keyof LocalizedText;

const WORDS = {
  from: { da: "Fra", en: "From" },
  date: { da: "Dato", en: "Date" },
  consentId: { da: "Samtykke-id", en: "Consent id" },
  caseReference: { da: "Sagsnummer", en: "Case reference" },
  concerns: { da: "Gælder", en: "Concerns" },
  what: { da: "Hvad sker der", en: "What happened" },
  purpose: { da: "Formål", en: "Purpose" },
  dataCovered: { da: "Hvilke oplysninger", en: "What information" },
  partiesCovered: { da: "Hvem", en: "Who" },
  consequencesOfYes: { da: "Hvis du siger ja", en: "If you say yes" },
  consequencesOfNo: { da: "Hvis du siger nej", en: "If you say no" },
  howToWithdraw: { da: "Sådan trækker du samtykket tilbage", en: "How to withdraw the consent" },
  choices: { da: "Valgene", en: "The choices" },
  answers: { da: "Svarene, som de blev givet", en: "The answers as given" },
  validity: { da: "Gyldighed", en: "Validity" },
  validFrom: { da: "Gyldigt fra", en: "Valid from" },
  validTo: { da: "Gyldigt til", en: "Valid until" },
  openEnded: { da: "indtil det trækkes tilbage", en: "until it is withdrawn" },
  signatures: { da: "Underskrifter", en: "Signatures" },
  signedAt: { da: "underskrevet", en: "signed" },
  contentHash: { da: "indholdets SHA-256", en: "SHA-256 of the content" },
  yes: { da: "Ja", en: "Yes" },
  no: { da: "Nej", en: "No" },
  unanswered: { da: "(ikke besvaret)", en: "(not answered)" },
  messageFrom: { da: "Besked fra", en: "Message from" },
  message: { da: "Besked", en: "Message" },
  answerIt: { da: "Du svarer under Mine samtykker på borger.dk. Intet er valgt på forhånd.", en: "You answer under My consents on borger.dk. Nothing is chosen in advance." },
  seeIt: { da: "Du kan altid se og trække dine samtykker tilbage under Mine samtykker på borger.dk.", en: "You can always see and withdraw your consents under My consents on borger.dk." },
  answerHere: { da: "Svar på anmodningen her", en: "Answer the request here" },
  seeHere: { da: "Se samtykket her", en: "See the consent here" },
};

/**
 * Where the letter takes the citizen in the citizen app: the request's own page to answer it, or
 * the consent's page for a receipt. Null when the platform is not told where the app is.
 */
export function letterLink(kind: LetterKind, consentId: string, citizenApp: string | null | undefined): string | null {
  if (!citizenApp) return null;
  return new URL(`${asksForAnAnswer(kind) ? "anmodninger" : "samtykker"}/${encodeURIComponent(consentId)}`, citizenApp.endsWith("/") ? citizenApp : `${citizenApp}/`).href;
}

const WHAT_HAPPENED: Record<LetterKind, LocalizedText> = {
  REQUEST: { da: "Du er blevet bedt om samtykke. Læs teksten, og svar ja eller nej til hvert valg.", en: "You have been asked for consent. Read the text and answer yes or no to each choice." },
  REMINDER: {
    da: "Du har endnu ikke svaret på en anmodning om samtykke. Læs teksten, og svar ja eller nej til hvert valg. Du må også gerne sige nej.",
    en: "You have not yet answered a request for consent. Read the text and answer yes or no to each choice. You may also say no.",
  },
  GIVEN: { da: "Samtykket er givet og gælder fra nu.", en: "The consent has been given and applies from now." },
  DECLINED: { da: "Anmodningen om samtykke er afvist. Myndigheden må ikke gøre det, den bad om samtykke til.", en: "The request for consent has been declined. The authority may not do what it asked consent for." },
  ENDED: {
    da: "Samtykket gælder ikke længere: sagen, det hørte til, er lukket, eller det er brugt.",
    en: "The consent no longer applies: the case it belonged to has been closed, or it has been used.",
  },
  WITHDRAWN: { da: "Samtykket er trukket tilbage og gælder ikke længere.", en: "The consent has been withdrawn and no longer applies." },
  EXPIRED: { da: "Samtykket er udløbet og gælder ikke længere.", en: "The consent has expired and no longer applies." },
  INFORMED: {
    da: "Den unge har svaret på en anmodning om samtykke. Fra 15 år svarer den unge selv (sundhedsloven § 17); hvad den unge svarede, står derfor ikke her. Tal gerne med den unge om det.",
    en: "The young person has answered a request for consent. From 15 the young person answers alone (the Danish Health Act, section 17), so what they answered is not shown here. Do talk with them about it.",
  },
};

const SIGNATURE_METHODS: Record<SignatureMethod, LocalizedText> = {
  DIGITAL: { da: "digitalt med MitID", en: "digitally with MitID" },
  ATTESTED_ON_BEHALF: { da: "personligt eller pr. telefon, bevidnet af en medarbejder", en: "in person or by phone, attested by a caseworker" },
  ATTESTED_PAPER: { da: "på papir, bevidnet af en medarbejder", en: "on paper, attested by a caseworker" },
  DELIVERED_WITH_EVIDENCE: { da: "indsamlet af et fagsystem", en: "collected by a case system" },
};

/**
 * The whole letter in one language: what happened, the full texts the citizen saw, every choice with
 * its answer, validity and the signatures with the hash of what was signed, so that the receipt can
 * be checked against the sealed consent document.
 */
export function letterContent(
  kind: LetterKind,
  consent: LetterConsent,
  event: LetterEvent,
  names: { authority: string | null; formatDate: (date: Date, language: Language) => string; citizenApp?: string | null },
  language: Language,
): LetterContent {
  const w = (word: keyof typeof WORDS) => WORDS[word][language];
  if (kind === LetterKind.INFORMED) {
    // The purpose and the parties, so the holders know what it was about; not the choices nor the answer.
    const lines = [...(names.authority ? [`${w("from")}: ${names.authority}`] : []), `${w("date")}: ${names.formatDate(event.occurredAt, language)}`, ...(consent.subjectName ? [`${w("concerns")}: ${consent.subjectName}`] : [])];
    return {
      title: letterTitle(kind, consent)[language],
      sections: [
        { heading: consent.body.title[language], lines, form: "facts" },
        { heading: w("what"), lines: [WHAT_HAPPENED[kind][language]] },
        { heading: w("purpose"), lines: [consent.body.purpose[language]] },
      ],
    };
  }
  const text = (field: keyof ConsentBody & keyof typeof WORDS) => (consent.body[field] as LocalizedText)[language];
  const header: string[] = [
    ...(names.authority ? [`${w("from")}: ${names.authority}`] : []),
    `${w("date")}: ${names.formatDate(event.occurredAt, language)}`,
    `${w("consentId")}: ${consent.id}`,
    ...(consent.subjectName && !letterRecipients(consent).includes(consent.subjectId) ? [`${w("concerns")}: ${consent.subjectName}`] : []),
    ...(consent.caseReference ? [`${w("caseReference")}: ${consent.caseReference}`] : []),
  ];
  const answers = new Map((consent.answers ?? []).map((answer) => [answer.key, answer]));
  const link = letterLink(kind, consent.id, names.citizenApp);
  const showAnswers = !asksForAnAnswer(kind) && answers.size > 0;
  const choiceLines = consent.body.choices.map((choice) => {
    const label = `${choice.group ? `${choice.group[language]}: ` : ""}${choice.label[language]}`;
    if (!showAnswers) return label;
    const answer = answers.get(choice.key);
    const value = choice.kind === ChoiceKind.CHECKBOX ? (answer?.checked === true ? w("yes") : answer?.checked === false ? w("no") : w("unanswered")) : answer?.text || w("unanswered");
    return `${label}: ${value}`;
  });
  const sections: LetterSection[] = [
    { heading: consent.body.title[language], lines: header, form: "facts" },
    { heading: w("what"), lines: [WHAT_HAPPENED[kind][language], asksForAnAnswer(kind) ? w("answerIt") : w("seeIt")], ...(link ? { link: { label: w(asksForAnAnswer(kind) ? "answerHere" : "seeHere"), url: link } } : {}) },
    ...(asksForAnAnswer(kind) && consent.message ? [{ heading: names.authority ? `${w("messageFrom")} ${names.authority}` : w("message"), lines: [consent.message] }] : []),
    { heading: w("purpose"), lines: [text("purpose")] },
    ...(["dataCovered", "partiesCovered", "consequencesOfYes", "consequencesOfNo", "howToWithdraw"] as const).map((field) => ({ heading: w(field), lines: [text(field)] })),
  ];
  if (choiceLines.length) sections.push({ heading: showAnswers ? w("answers") : w("choices"), lines: choiceLines, form: "list" });
  if (!asksForAnAnswer(kind) && consent.validFrom) {
    sections.push({
      heading: w("validity"),
      form: "facts",
      lines: [`${w("validFrom")}: ${names.formatDate(consent.validFrom, language)}`, `${w("validTo")}: ${consent.validTo ? names.formatDate(consent.validTo, language) : w("openEnded")}`],
    });
  }
  if (!asksForAnAnswer(kind) && consent.signatures.length) {
    sections.push({
      heading: w("signatures"),
      form: "list",
      lines: consent.signatures.map(
        (signature) =>
          `${SIGNATURE_METHODS[signature.method]?.[language] ?? signature.method}, ${w("signedAt")} ${names.formatDate(new Date(signature.signedAt), language)}; ${w("contentHash")} ${signature.contentHash}`,
      ),
    });
  }
  return { title: letterTitle(kind, consent)[language], sections };
}
