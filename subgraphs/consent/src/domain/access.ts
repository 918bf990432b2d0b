import {
  AssuranceLevel,
  FORBIDDEN_MESSAGE,
  ForbiddenError,
  meetsLevel,
  NotFoundError,
  requireCaller,
  requireLevel,
  type Caller,
} from "@samtykke/server-kit";
import { answeredAlone } from "./who-signs.js";

/** Whom a signed-in citizen may act for, as the party subgraph knows it at this moment. */
export interface Representation {
  citizenId: string;
  /** Children under 18 in the citizen's custody. */
  childIds: readonly string[];
  /** Citizens who gave this one a power of attorney in force, and towards which authorities (empty: all). */
  grants: readonly { grantorId: string; authorityIds: readonly string[] }[];
}

/** What the rules need to know of a consent. */
export interface ConsentParties {
  id?: string;
  authorityId: string;
  subjectId: string;
  signers: string;
  /** The citizens whose signatures make it ACTIVE: the subject, or the child's custody holders. */
  requiredSignerIds: readonly string[];
  /** Set once the child came of age and the consent was handed over to them. */
  handedOverAt?: Date | null;
}

/** How the caller stands to a consent; decides what they may see and do. */
export type Relation = "AUTHORITY" | "SUBJECT" | "CUSTODY_HOLDER" | "ATTORNEY" | "NONE";

export function relationTo(caller: Caller, consent: ConsentParties, representation: Representation | null): Relation {
  if (caller.kind === "caseworker" || caller.kind === "system") return caller.authorityId === consent.authorityId ? "AUTHORITY" : "NONE";
  if (caller.kind !== "citizen" || !representation) return "NONE";
  if (representation.citizenId === consent.subjectId) return "SUBJECT";
  // Custody ends at 18 (the child drops out of childIds) and with the handover, whichever is first;
  // what a young person of 15-17 answers alone is theirs.
  if (representation.childIds.includes(consent.subjectId) && !consent.handedOverAt && !answeredAlone(consent)) return "CUSTODY_HOLDER";
  const grant = representation.grants.find((candidate) => candidate.grantorId === consent.subjectId);
  if (grant && (grant.authorityIds.length === 0 || grant.authorityIds.includes(consent.authorityId))) return "ATTORNEY";
  return "NONE";
}

/**
 * What anyone who may not read a consent is told, word for word what they are told of an id that
 * does not exist: a refusal would confirm that the id is somebody's consent.
 */
export const consentNotFound = (id?: string) => new NotFoundError({ da: "Samtykket findes ikke.", en: "Consent not found." }, id ? { id } : {});

const notYours = (reason: string) => new ForbiddenError(FORBIDDEN_MESSAGE, { reason });

/** Reading a consent, its history and its files: the authority that holds it, and the citizens it concerns or who act for them. */
export function requireRead(caller: Caller, consent: ConsentParties, representation: Representation | null): Relation {
  requireCaller(caller, "citizen", "caseworker", "system");
  const relation = relationTo(caller, consent, representation);
  if (relation === "NONE") throw consentNotFound(consent.id);
  return relation;
}

/** A caseworker or case system acting on a consent as its authority; another authority's sees no such consent. */
export function requireOwnAuthority<K extends "caseworker" | "system">(caller: Caller, consent: Pick<ConsentParties, "id" | "authorityId">, ...kinds: K[]): Extract<Caller, { kind: K }> {
  const allowed = requireCaller(caller, ...(kinds.length ? kinds : (["caseworker", "system"] as K[])));
  if ((allowed as Extract<Caller, { kind: "caseworker" | "system" }>).authorityId !== consent.authorityId) throw consentNotFound(consent.id);
  return allowed;
}

/** Giving, declining and withdrawing need a strong login (NSIS substantial) whatever the template asks. */
export const CITIZEN_ACTION_LEVEL = AssuranceLevel.SUBSTANTIAL;

/** The slot a citizen's answer fills: whose signature it counts as, and whom they act for. */
export interface Answerer {
  signerId: string;
  /** The citizen the signer acts for (attorney), when not themselves. */
  onBehalfOfId: string | null;
  /** Whose required signature this is. */
  slotId: string;
  relation: Relation;
}

/**
 * Who may give or decline a request: the subject (or their attorney) when the citizen signs, each
 * custody holder named on it when the holders sign. The login must be at least substantial, and at
 * least the level the template asks.
 */
export function requireAnswerer(caller: Caller, consent: ConsentParties & { signingLevel: string }, representation: Representation | null): Answerer {
  const citizen = requireCaller(caller, "citizen");
  const relation = requireRead(caller, consent, representation);
  const me = representation!.citizenId;
  // Whoever the request names answers: the subject, a child's custody holders, or both from 15.
  const required = consent.requiredSignerIds.length ? consent.requiredSignerIds : [consent.subjectId];
  let answerer: Answerer | undefined;
  if ((relation === "SUBJECT" || relation === "CUSTODY_HOLDER") && required.includes(me)) {
    answerer = { signerId: me, onBehalfOfId: null, slotId: me, relation };
  } else if (relation === "ATTORNEY" && required.includes(consent.subjectId)) {
    answerer = { signerId: me, onBehalfOfId: consent.subjectId, slotId: consent.subjectId, relation };
  }
  if (!answerer) throw notYours("NOT_A_SIGNER");
  requireLevel(citizen, strongest(CITIZEN_ACTION_LEVEL, consent.signingLevel as AssuranceLevel));
  return answerer;
}

/**
 * Withdrawing, pausing and resuming: the citizen side (subject, custody holder, attorney) at a
 * substantial login, never more than giving took; withdrawing also a caseworker of the authority, on
 * the citizen's behalf.
 */
export function requireHolderAction(caller: Caller, consent: ConsentParties, representation: Representation | null, action: "withdraw" | "pause" | "resume"): Relation {
  // The authority acts when the citizen asks it to (in person, by phone, by letter); it says how.
  if (caller.kind === "caseworker") {
    requireOwnAuthority(caller, consent, "caseworker");
    return "AUTHORITY";
  }
  const citizen = requireCaller(caller, "citizen");
  const relation = requireRead(caller, consent, representation);
  requireLevel(citizen, CITIZEN_ACTION_LEVEL);
  return relation;
}

function strongest(a: AssuranceLevel, b: AssuranceLevel): AssuranceLevel {
  return meetsLevel(a, b) ? a : b;
}

/**
 * Giving is signing: a separate step from logging in (MitID signing), made for this consent. A plain
 * login token is refused once the answers are known to be valid, so the app knows to ask for it.
 */
export function requireSigning(caller: Extract<Caller, { kind: "citizen" }>): void {
  if (caller.signing) return;
  throw new ForbiddenError(
    { da: "Underskriv med MitID for at give samtykket.", en: "Sign with MitID to give the consent." },
    { reason: "SIGNING_REQUIRED" },
  );
}
