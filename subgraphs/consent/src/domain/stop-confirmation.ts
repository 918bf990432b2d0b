import { ConflictError, FORBIDDEN_MESSAGE, ForbiddenError, requireCaller, type Caller } from "@samtykke/server-kit";
import { ConsentStatus } from "./consent-state.js";

/**
 * After a consent ends against the authority's will, every system that knew of it must stop acting
 * on it and say so. These are the endings that take the legal basis away; a closed case or a newer
 * version replacing the consent are the authority's own doing and need no confirmation.
 */
export const ENDINGS_TO_CONFIRM: readonly ConsentStatus[] = [ConsentStatus.WITHDRAWN, ConsentStatus.EXPIRED];

export function needsStopConfirmation(status: ConsentStatus): boolean {
  return ENDINGS_TO_CONFIRM.includes(status);
}

export type RecipientKind = "CASE_SYSTEM" | "THIRD_PARTY";

/** A system that received or used a consent: the authority's case system, or a third party's. */
export interface Recipient {
  kind: RecipientKind;
  systemId: string;
  /** The authority (case system) or the third party's organisation it acts for. */
  organisationId: string;
}

/** Each system once, whichever way it came to know the consent (a webhook, a check, a data request). */
export function distinctRecipients(candidates: readonly Recipient[]): Recipient[] {
  const seen = new Map<string, Recipient>();
  for (const candidate of candidates) if (!seen.has(candidate.systemId)) seen.set(candidate.systemId, candidate);
  return [...seen.values()];
}

/** What the rules need to know of the consent being confirmed. */
export interface EndedConsent {
  status: ConsentStatus;
  authorityId: string;
  thirdPartyId?: string | null;
}

/**
 * Who may confirm that they stopped: a case system of the consent's authority, or a system of the
 * third party the consent names, and only once the consent has ended in a way that needs it.
 */
export function requireStopConfirmer(caller: Caller, consent: EndedConsent): Recipient {
  const confirmer = requireCaller(caller, "system", "thirdParty");
  let recipient: Recipient | null = null;
  if (confirmer.kind === "system" && confirmer.authorityId === consent.authorityId) {
    recipient = { kind: "CASE_SYSTEM", systemId: confirmer.caseSystemId, organisationId: confirmer.authorityId };
  }
  if (confirmer.kind === "thirdParty" && consent.thirdPartyId && confirmer.organisationId === consent.thirdPartyId) {
    recipient = { kind: "THIRD_PARTY", systemId: confirmer.systemId, organisationId: confirmer.organisationId };
  }
  if (!recipient) throw new ForbiddenError(FORBIDDEN_MESSAGE, { reason: "NOT_A_RECIPIENT" });
  if (!needsStopConfirmation(consent.status)) {
    throw new ConflictError(
      {
        da: "Samtykket er ikke trukket tilbage eller udløbet, så der er intet at bekræfte.",
        en: "The consent has not been withdrawn or expired, so there is nothing to confirm.",
      },
      { reason: "NOT_ENDED", status: consent.status },
    );
  }
  return recipient;
}
