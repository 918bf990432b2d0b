import type { Caller } from "@samtykke/server-kit";
import { powerOfAttorneyCovers, type PowerOfAttorneyTerms } from "./representation.js";

/** What of a citizen a look-up can read that is theirs to know about: their name and their relations. */
export const PERSONAL_FIELDS = ["name", "cprMasked", "custodyHolders", "children", "attorneys", "powersOfAttorney"] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** The personal fields among those a query selected, in the order above; none for a query of ids only. */
export function personalFieldsOf(selected: Iterable<string>): PersonalField[] {
  const chosen = new Set(selected);
  return PERSONAL_FIELDS.filter((field) => chosen.has(field));
}

/** Whether a read of a citizen is one the citizen is told of: an authority's caseworker or case system looking them up. */
export function isAuthorityLookUp(caller: Caller): caller is Extract<Caller, { kind: "caseworker" | "system" }> {
  return caller.kind === "caseworker" || caller.kind === "system";
}

/**
 * The powers of attorney an authority's caseworker or case system sees of a citizen: those in force
 * that reach the caller's own authority. Whom a citizen lets act for them towards another authority
 * is none of this one's business. The citizen sees all of their own.
 */
export function grantsVisibleTo<T extends PowerOfAttorneyTerms>(caller: Caller, grants: readonly T[], now: Date): T[] {
  const authorityId = isAuthorityLookUp(caller) ? caller.authorityId : null;
  return grants.filter((grant) => powerOfAttorneyCovers(grant, authorityId, now));
}
