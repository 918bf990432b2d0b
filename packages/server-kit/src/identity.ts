import { LRUCache } from "lru-cache";
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from "jose";
import { z } from "zod";
import { ForbiddenError, UnauthenticatedError } from "./errors.js";

/** NSIS assurance levels, lowest first. */
export enum AssuranceLevel {
  LOW = "LOW",
  SUBSTANTIAL = "SUBSTANTIAL",
  HIGH = "HIGH",
}

const LEVEL_ORDER = [AssuranceLevel.LOW, AssuranceLevel.SUBSTANTIAL, AssuranceLevel.HIGH];

/** The `acr` values Danish OpenID Connect brokers (MitID) put in their tokens. */
export const NSIS_ACR: Record<AssuranceLevel, string> = {
  LOW: "https://data.gov.dk/concept/core/nsis/loa/Low",
  SUBSTANTIAL: "https://data.gov.dk/concept/core/nsis/loa/Substantial",
  HIGH: "https://data.gov.dk/concept/core/nsis/loa/High",
};

export function meetsLevel(actual: AssuranceLevel, required: AssuranceLevel): boolean {
  return LEVEL_ORDER.indexOf(actual) >= LEVEL_ORDER.indexOf(required);
}

/** The login behind a user's token: enough to prove later who signed in, how strongly and when. */
export interface Login {
  level: AssuranceLevel;
  /** The login transaction (`sid`, else the token's `jti`). */
  transactionId: string;
  authenticatedAt: Date;
  /** A signing step (MitID signing) rather than a plain login: what giving a consent takes. */
  signing: boolean;
}

/** Who is calling, as the token says. Every subgraph decides from this what the caller may do. */
export type Caller =
  | { kind: "anonymous" }
  | ({ kind: "citizen"; cpr: string; name: string | null } & Login)
  | ({ kind: "caseworker"; caseworkerId: string; authorityId: string; name: string | null } & Login)
  | { kind: "system"; caseSystemId: string; authorityId: string; scopes: string[] }
  /** A third party's system (a private organisation data is shared onward with); no authority. */
  | { kind: "thirdParty"; systemId: string; organisationId: string; scopes: string[] }
  /** One of the platform's own parts (the consent subgraph writing letters and exports): no person, no authority. */
  | { kind: "platform"; clientId: string };

export const ANONYMOUS: Caller = { kind: "anonymous" };

export type CallerKind = Caller["kind"];

/** Where the platform's tokens come from: any OpenID Connect provider, or the development login. */
export interface IdentityOptions {
  issuer: string;
  audience: string;
  jwksUrl: string;
}

const claims = z.discriminatedUnion("role", [
  z.object({
    role: z.literal("citizen"),
    cpr: z.string().regex(/^\d{10}$/),
    purpose: z.enum(["login", "sign"]).default("login"),
    name: z.string().optional(),
    acr: z.string(),
    sid: z.string().optional(),
    jti: z.string().optional(),
    auth_time: z.number().optional(),
    iat: z.number(),
  }),
  z.object({
    role: z.literal("caseworker"),
    sub: z.string().uuid(),
    authority_id: z.string().uuid(),
    name: z.string().optional(),
    acr: z.string(),
    sid: z.string().optional(),
    jti: z.string().optional(),
    auth_time: z.number().optional(),
    iat: z.number(),
  }),
  z.object({
    role: z.literal("thirdparty"),
    sub: z.string().uuid(),
    org_id: z.string().uuid(),
    scope: z.string().default(""),
  }),
  z.object({
    role: z.literal("system"),
    sub: z.string().uuid(),
    authority_id: z.string().uuid(),
    scope: z.string().default(""),
  }),
  z.object({
    role: z.literal("platform"),
    sub: z.string().min(1),
  }),
]);

function levelOf(acr: string): AssuranceLevel {
  const level = (Object.keys(NSIS_ACR) as AssuranceLevel[]).find((key) => NSIS_ACR[key] === acr);
  return level ?? AssuranceLevel.LOW;
}

const INVALID_TOKEN = {
  da: "Dit login er ikke gyldigt eller er udløbet. Log ind igen.",
  en: "Your login is not valid or has expired. Please sign in again.",
};

/** Reads `Bearer <token>`; an absent or empty header is an anonymous caller, a bad token is refused. */
export type TokenVerifier = (authorization: string | null | undefined) => Promise<Caller>;

export function createTokenVerifier(options: IdentityOptions, keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(options.jwksUrl))): TokenVerifier {
  // A token verified once is the same caller until it expires: every part checks the token of every
  // request, and the signature check is the costly part of that. A key withdrawn from the issuer's
  // set therefore stops its tokens only when they expire (minutes), not at once.
  const verified = new LRUCache<string, { caller: Caller; until: number }>({ max: 50_000 });
  return async (authorization) => {
    if (!authorization?.trim()) return ANONYMOUS;
    const match = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(authorization.trim());
    if (!match) throw new UnauthenticatedError(INVALID_TOKEN, { reason: "MALFORMED" });
    const cached = verified.get(match[1]!);
    if (cached && Date.now() < cached.until) return cached.caller;
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(match[1]!, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ["ES256", "RS256", "PS256", "EdDSA"],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ["exp"],
      }));
    } catch (error) {
      const reason = error instanceof joseErrors.JWTExpired ? "EXPIRED" : "INVALID";
      throw new UnauthenticatedError(INVALID_TOKEN, { reason });
    }
    const caller = callerOf(payload);
    verified.set(match[1]!, { caller, until: ((payload.exp as number) + CLOCK_TOLERANCE_SECONDS) * 1000 });
    return caller;
  };
}

const CLOCK_TOLERANCE_SECONDS = 30;

/** The caller a verified token's claims describe; refused when the claims are not the platform's. */
function callerOf(payload: Record<string, unknown>): Caller {
  const parsed = claims.safeParse(payload);
  if (!parsed.success) throw new UnauthenticatedError(INVALID_TOKEN, { reason: "CLAIMS" });
  const token = parsed.data;
  if (token.role === "thirdparty") {
    return { kind: "thirdParty", systemId: token.sub, organisationId: token.org_id, scopes: token.scope.split(" ").filter(Boolean) };
  }
  if (token.role === "system") {
    return { kind: "system", caseSystemId: token.sub, authorityId: token.authority_id, scopes: token.scope.split(" ").filter(Boolean) };
  }
  if (token.role === "platform") return { kind: "platform", clientId: token.sub };
  const login: Login = {
    level: levelOf(token.acr),
    transactionId: token.sid ?? token.jti ?? "unknown",
    authenticatedAt: new Date((token.auth_time ?? token.iat) * 1000),
    signing: token.role === "citizen" && token.purpose === "sign",
  };
  if (token.role === "citizen") return { kind: "citizen", cpr: token.cpr, name: token.name ?? null, ...login };
  return { kind: "caseworker", caseworkerId: token.sub, authorityId: token.authority_id, name: token.name ?? null, ...login };
}

/** The environment variables that point a part at its token issuer. */
export const identityEnv = {
  AUTH_ISSUER: z.string().url(),
  AUTH_AUDIENCE: z.string().default("samtykke"),
  AUTH_JWKS_URL: z.string().url(),
};

export const TOKEN_AUDIENCE = "samtykke";

const SIGN_IN = { da: "Log ind for at fortsætte.", en: "Sign in to continue." };
const NOT_YOURS = { da: "Du har ikke adgang til dette.", en: "You do not have access to this." };

/** The caller, when it is one of `kinds`; anyone else is refused (anonymous: UNAUTHENTICATED, others: FORBIDDEN). */
export function requireCaller<K extends CallerKind>(caller: Caller, ...kinds: K[]): Extract<Caller, { kind: K }> {
  if (kinds.includes(caller.kind as K)) return caller as Extract<Caller, { kind: K }>;
  if (caller.kind === "anonymous") throw new UnauthenticatedError(SIGN_IN);
  throw new ForbiddenError(NOT_YOURS, { reason: "ROLE" });
}

/** A caseworker or case system of exactly this authority; one authority never acts on another's data. */
export function requireAuthority(caller: Caller, authorityId: string, ...kinds: ("caseworker" | "system")[]) {
  const allowed = requireCaller(caller, ...(kinds.length ? kinds : (["caseworker", "system"] as const)));
  if (allowed.authorityId !== authorityId) throw new ForbiddenError(NOT_YOURS, { reason: "OTHER_AUTHORITY" });
  return allowed;
}

/** Refuses a login weaker than `required`; the client can sign in again at the level named. */
export function requireLevel(login: Login, required: AssuranceLevel): void {
  if (meetsLevel(login.level, required)) return;
  const names = { LOW: ["lavt", "low"], SUBSTANTIAL: ["betydeligt", "substantial"], HIGH: ["højt", "high"] }[required];
  throw new ForbiddenError(
    {
      da: `Dette kræver et login på mindst ${names[0]} sikringsniveau. Log ind igen med MitID.`,
      en: `This needs a login at assurance level ${names[1]} or higher. Please sign in again with MitID.`,
    },
    { reason: "ASSURANCE_LEVEL", requiredLevel: required },
  );
}

export const FORBIDDEN_MESSAGE = NOT_YOURS;
