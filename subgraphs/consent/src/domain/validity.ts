import { ConsentStatus } from "./consent-state.js";

/** Why a consent check answers as it does; case systems branch on it. */
export enum ConsentCheckReason {
  VALID = "VALID",
  NO_CONSENT = "NO_CONSENT",
  NOT_ANSWERED = "NOT_ANSWERED",
  NOT_YET_VALID = "NOT_YET_VALID",
  PAUSED = "PAUSED",
  EXPIRED = "EXPIRED",
  ENDED = "ENDED",
  /** In force, but it does not let data go to the recipient asked about. */
  NOT_FOR_RECIPIENT = "NOT_FOR_RECIPIENT",
}

/** What the declaration is, as a legal basis for acting on it. */
export enum LegalBasis {
  /** GDPR art. 6(1)(a), and art. 9(2)(a) for special categories: the citizen's consent. */
  CONSENT = "CONSENT",
  /** The citizen objected (frabedelse): the authority must not do what it names. */
  OBJECTION = "OBJECTION",
  /** The citizen lets someone act for them (fuldmagt). */
  POWER_OF_ATTORNEY = "POWER_OF_ATTORNEY",
}

export function legalBasisOf(kind: string): LegalBasis {
  return (Object.values(LegalBasis) as string[]).includes(kind) ? (kind as LegalBasis) : LegalBasis.CONSENT;
}

/**
 * A check about a named recipient: the consent covers the authority that holds it and the third
 * party it names, nobody else. Anything not valid anyway keeps its own reason.
 */
export function checkRecipient(
  verdict: { valid: boolean; reason: ConsentCheckReason },
  consent: { authorityId: string; thirdPartyId?: string | null } | undefined,
  recipient: string | null | undefined,
): { valid: boolean; reason: ConsentCheckReason } {
  if (!recipient || !consent || !verdict.valid) return verdict;
  if (recipient === consent.authorityId || recipient === consent.thirdPartyId) return verdict;
  return { valid: false, reason: ConsentCheckReason.NOT_FOR_RECIPIENT };
}

export interface ValiditySubject {
  status: ConsentStatus;
  validFrom?: Date | null;
  validTo?: Date | null;
}

/**
 * Whether a consent may be acted on at `now`. A consent whose end has passed is not valid even
 * before the expiry job has marked it EXPIRED: the check must never lag behind the clock.
 */
export function checkValidity(consent: ValiditySubject | undefined, now: Date): { valid: boolean; reason: ConsentCheckReason } {
  if (!consent) return { valid: false, reason: ConsentCheckReason.NO_CONSENT };
  switch (consent.status) {
    case ConsentStatus.REQUESTED:
      return { valid: false, reason: ConsentCheckReason.NOT_ANSWERED };
    case ConsentStatus.PAUSED:
      return { valid: false, reason: ConsentCheckReason.PAUSED };
    case ConsentStatus.EXPIRED:
      return { valid: false, reason: ConsentCheckReason.EXPIRED };
    case ConsentStatus.ACTIVE:
      if (consent.validFrom && consent.validFrom > now) return { valid: false, reason: ConsentCheckReason.NOT_YET_VALID };
      if (consent.validTo && consent.validTo <= now) return { valid: false, reason: ConsentCheckReason.EXPIRED };
      return { valid: true, reason: ConsentCheckReason.VALID };
    default:
      return { valid: false, reason: ConsentCheckReason.ENDED };
  }
}

/** Picks the consent a check should judge: one in force if any, else the most recent. */
export function mostRelevant<T extends ValiditySubject & { requestedAt: Date }>(consents: readonly T[], now: Date): T | undefined {
  const newestFirst = [...consents].sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime());
  return newestFirst.find((consent) => checkValidity(consent, now).valid) ?? newestFirst[0];
}
