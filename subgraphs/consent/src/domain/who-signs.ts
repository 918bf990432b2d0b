import { ageOn, birthday, ValidationError } from "@samtykke/server-kit";
import { ConsentStatus } from "./consent-state.js";
import { DEFAULT_ANSWER_DAYS, inForceFrom, snapshotBody, type NewConsentRequest } from "./consent.js";
import type { ChoiceAnswer, Signature } from "./declaration.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** From this age a young person answers themselves where the template says so (the Danish Health Act § 17). */
export const YOUNG_PERSON_AGE = 15;

/** Who a template version says must answer for a minor (the template subgraph's `Signers`). */
export type SignersRule = "CITIZEN" | "CUSTODY_HOLDERS" | "YOUNG_PERSON_FROM_15" | "YOUNG_PERSON_AND_CUSTODY_HOLDERS";

/** The citizen a request is for, as the party subgraph knows them. */
export interface Subject {
  id: string;
  birthDate: Date;
  comesOfAgeOn: Date;
  custodyHolderIds: readonly string[];
  /** The day of death, as the person register published it; nobody is asked for a consent after it. */
  diedOn?: Date | null;
}

/** Who answers a request, and the days that move it: the 15th birthday (to the young person) and the 18th (the handover). */
export interface Givers {
  requiredSignerIds: string[];
  /** For a consent the custody holders give: the child's 18th birthday, when it is handed over. */
  subjectComesOfAgeOn: string | null;
  /** For a request to the custody holders of a child under 15 whom the template lets answer from 15. */
  subjectTurnsFifteenOn: string | null;
  /**
   * Custody holders to tell (by letter, never what) when the young person has answered alone; kept
   * from the request to the holders of a child under 15, for after the 15th birthday.
   */
  informOnAnswerIds: string[];
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Who must answer a request made at `now`: the citizen themselves; every custody holder of a child;
 * or, by age, the custody holders under 15 and from 15 the young person alone or with the holders.
 * From 18 a citizen always answers alone. A rule that needs custody holders refuses a citizen
 * nobody holds custody of.
 */
export function requiredSigners(template: { signers: string; informCustodyHolders?: boolean | null }, subject: Subject, now: Date): Givers {
  if (subject.diedOn) {
    throw new ValidationError(
      { da: "Borgeren er død ifølge CPR-registret. Der kan ikke anmodes om eller registreres samtykke.", en: "The citizen has died, according to the person register. No consent can be requested or registered." },
      { field: "cpr" },
    );
  }
  const alone: Givers = { requiredSignerIds: [subject.id], subjectComesOfAgeOn: null, subjectTurnsFifteenOn: null, informOnAnswerIds: [] };
  const holders = (): Givers => {
    if (subject.custodyHolderIds.length === 0) {
      throw new ValidationError(
        {
          da: "Skabelonen skal underskrives af forældremyndighedsindehaverne, men borgeren er ikke et barn under nogens forældremyndighed.",
          en: "The template is signed by the holders of custody, but the citizen is not a child in anyone's custody.",
        },
        { field: "cpr" },
      );
    }
    return { ...alone, requiredSignerIds: [...subject.custodyHolderIds], subjectComesOfAgeOn: day(subject.comesOfAgeOn) };
  };
  const rule = template.signers as SignersRule;
  if (rule === "CUSTODY_HOLDERS") return holders();
  if (rule !== "YOUNG_PERSON_FROM_15" && rule !== "YOUNG_PERSON_AND_CUSTODY_HOLDERS") return alone;
  const age = ageOn(subject.birthDate, now);
  const informed = rule === "YOUNG_PERSON_FROM_15" && template.informCustodyHolders ? [...subject.custodyHolderIds] : [];
  if (age < YOUNG_PERSON_AGE) return { ...holders(), subjectTurnsFifteenOn: day(birthday(subject.birthDate, YOUNG_PERSON_AGE)), informOnAnswerIds: informed };
  if (age >= 18 || subject.custodyHolderIds.length === 0) return alone;
  if (rule === "YOUNG_PERSON_FROM_15") return { ...alone, informOnAnswerIds: informed };
  return { ...holders(), requiredSignerIds: [subject.id, ...subject.custodyHolderIds] };
}

/**
 * A consent a young person of 15-17 answers alone (the template lets them from 15): their custody
 * holders do not see it, and are at most told by letter that it was answered.
 */
export function answeredAlone(consent: { signers: string; subjectId: string; requiredSignerIds: readonly string[] }): boolean {
  return consent.signers === "YOUNG_PERSON_FROM_15" && consent.requiredSignerIds.every((id) => id === consent.subjectId);
}

/** The same rule in SQL, for lists (`alias` is the consent table's). */
export const answeredAloneSql = (alias: string) =>
  `(${alias}.signers = 'YOUNG_PERSON_FROM_15' and ${alias}.required_signer_ids = jsonb_build_array(${alias}.subject_id::text))`;

/** A request still waiting on the custody holders of a young person who has just turned 15. */
export interface AskedOfHolders {
  signers: string;
  subjectId: string;
  requiredSignerIds: readonly string[];
  signatures: readonly Signature[];
  answers?: readonly ChoiceAnswer[] | null;
}

/**
 * What the 15th birthday does to a request the custody holders have not finished answering, as the
 * template says: it moves to the young person alone (what a holder signed no longer counts; the
 * holders are told of the answer if the template said so when asking), or the young person is
 * asked as well.
 */
export function askYoungPerson(request: AskedOfHolders) {
  if (request.signers === "YOUNG_PERSON_FROM_15") {
    return { requiredSignerIds: [request.subjectId], signatures: [] as Signature[], answers: null, subjectComesOfAgeOn: null, subjectTurnsFifteenOn: null };
  }
  return { requiredSignerIds: [request.subjectId, ...request.requiredSignerIds.filter((id) => id !== request.subjectId)], subjectTurnsFifteenOn: null };
}

/** A request that waits on a child's custody holders (not yet handed over, not one the young person answers alone). */
export interface WaitingOnHolders {
  status: ConsentStatus;
  requiredSignerIds: readonly string[];
  signatures: readonly Signature[];
  fixedValidTo?: Date | null;
  validityDays?: number | null;
}

/** A citizen who gains custody while a request waits on the holders is asked too; null when they already are. */
export function withGiver(request: WaitingOnHolders, holderId: string): { requiredSignerIds: string[] } | null {
  if (request.requiredSignerIds.includes(holderId)) return null;
  return { requiredSignerIds: [...request.requiredSignerIds, holderId] };
}

/**
 * A citizen who loses custody while a request waits on the holders is no longer asked, and what
 * they signed no longer counts. If the remaining holders have all signed, the consent is given
 * now; if nobody is left to ask, the request ends (`cancel`). Null when they were not asked.
 */
export function withoutGiver(request: WaitingOnHolders, holderId: string, now: Date) {
  if (!request.requiredSignerIds.includes(holderId)) return null;
  const requiredSignerIds = request.requiredSignerIds.filter((id) => id !== holderId);
  const signatures = request.signatures.filter((signature) => (signature.onBehalfOfId ?? signature.signerId) !== holderId);
  if (requiredSignerIds.length === 0) return { requiredSignerIds, signatures, cancel: true as const };
  const complete = requiredSignerIds.every((id) => signatures.some((signature) => (signature.onBehalfOfId ?? signature.signerId) === id));
  return { requiredSignerIds, signatures, cancel: false as const, ...(complete ? { status: ConsentStatus.ACTIVE, ...inForceFrom(request, now) } : {}) };
}

/**
 * The request a young person gets on their 18th birthday for a consent their custody holders gave:
 * the same version and texts, now theirs to give, replacing the old one when they do.
 */
export function handOverRequest(
  consent: Omit<NewConsentRequest, "status" | "requestedAt" | "answerBy" | "reminderDueAt" | "followUpDueAt" | "message" | "returnUrl"> & { id: string },
  now: Date,
) {
  return {
    status: ConsentStatus.REQUESTED,
    templateId: consent.templateId,
    templateKey: consent.templateKey,
    templateVersion: consent.templateVersion,
    kind: consent.kind,
    authorityId: consent.authorityId,
    thirdPartyId: consent.thirdPartyId ?? null,
    subjectId: consent.subjectId,
    caseReference: consent.caseReference ?? null,
    body: snapshotBody(consent.body),
    validityDays: consent.validityDays,
    fixedValidTo: consent.fixedValidTo ?? null,
    retentionDays: consent.retentionDays,
    singleUse: consent.singleUse,
    signers: "CITIZEN",
    signingLevel: consent.signingLevel,
    requiredSignerIds: [consent.subjectId],
    replacesConsentId: consent.id,
    requestedAt: now,
    answerBy: new Date(now.getTime() + DEFAULT_ANSWER_DAYS * DAY_MS),
  };
}
