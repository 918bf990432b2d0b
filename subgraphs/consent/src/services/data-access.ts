import { randomUUID } from "node:crypto";
import { createLocalJWKSet, importJWK, jwtVerify, SignJWT } from "jose";
import { ForbiddenError, FORBIDDEN_MESSAGE, requireCaller } from "@samtykke/server-kit";
import { publicJwk } from "../domain/consent-document.js";
import { decideAccess } from "../domain/data-access.js";
import { checkValidity, mostRelevant } from "../domain/validity.js";
import { ConsentEntity } from "../entities/consent.entity.js";
import type { ConsentContext } from "../context.js";
import { auditReads } from "./audit.js";

/** How long an access token lets the data holder hand data over. */
export const ACCESS_TOKEN_SECONDS = 300;
const ISSUER = "samtykke";
const TOKEN_USE = "data-access";

/**
 * A third party's system asks for named data about a citizen under a consent. Granted: a signed
 * JWT (ES256, the platform's published keys) for the data holder, naming subject, scope, consent and
 * expiry. Refused: FORBIDDEN with the reason. Both are on the audit log.
 */
export async function requestDataAccess(ctx: ConsentContext, input: { cpr: string; templateKey: string; scope: readonly string[] }) {
  const caller = requireCaller(ctx.caller, "thirdParty");
  // Only consents that name the caller count: whether the citizen is known here, or has consented
  // to anyone else, is none of a third party's business, and asking registers nobody.
  const subjectId = await ctx.supergraph.registeredCitizenId(input.cpr, ctx.requestId);
  const now = ctx.now();
  const candidates = subjectId
    ? await ctx.em.find(ConsentEntity, { subjectId, templateKey: input.templateKey, thirdPartyId: caller.organisationId }, { orderBy: { requestedAt: "desc" }, limit: 100 })
    : [];
  const consent = mostRelevant(candidates, now);
  let scope: string[];
  try {
    scope = decideAccess(consent, caller.organisationId, input.scope, now);
  } catch (refusal) {
    await auditReads(ctx, "accessRefused", consent ? [consent] : [], { subjectId, purpose: `${input.scope.join(" ")}: ${(refusal as ForbiddenError).details?.reason}` });
    throw refusal;
  }
  const granted = consent!;
  const key = ctx.sealKeys[0]!;
  const expiresAt = new Date(now.getTime() + ACCESS_TOKEN_SECONDS * 1000);
  const token = await new SignJWT({ token_use: TOKEN_USE, consent_id: granted.id, scope: scope.join(" "), azp: caller.organisationId })
    .setProtectedHeader({ alg: "ES256", kid: key.kid, typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(granted.authorityId)
    .setSubject(granted.subjectId)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .setJti(randomUUID())
    .sign(await importJWK(key.privateJwk, "ES256"));
  await auditReads(ctx, "accessGranted", [granted], { purpose: scope.join(" ") });
  return { token, expiresAt, scope, consent: granted };
}

/**
 * The data holder asks whether an access token still stands: signed by the platform, for this
 * holder, unexpired, and its consent still in force. A withdrawal makes it inactive at once.
 */
export async function introspectDataAccess(ctx: ConsentContext, token: string) {
  const caller = requireCaller(ctx.caller, "caseworker", "system");
  const now = ctx.now();
  let payload: { aud?: unknown; consent_id?: unknown; scope?: unknown; exp?: number; sub?: string; token_use?: unknown };
  try {
    ({ payload } = await jwtVerify(token, createLocalJWKSet({ keys: ctx.sealKeys.map(publicJwk) }), {
      issuer: ISSUER,
      algorithms: ["ES256"],
      currentDate: now,
    }));
  } catch {
    return { active: false, reason: "INVALID_OR_EXPIRED", consent: null, scope: [], expiresAt: null };
  }
  if (payload.token_use !== TOKEN_USE) return { active: false, reason: "INVALID_OR_EXPIRED", consent: null, scope: [], expiresAt: null };
  // Only the data holder the token is for may ask about it.
  if (payload.aud !== caller.authorityId) throw new ForbiddenError(FORBIDDEN_MESSAGE, { reason: "OTHER_AUTHORITY" });
  const consent = await ctx.em.findOne(ConsentEntity, { id: String(payload.consent_id) });
  const validity = checkValidity(consent ?? undefined, now);
  await auditReads(ctx, "introspect", consent ? [consent] : [], { purpose: String(payload.scope ?? "") });
  return {
    active: validity.valid,
    reason: validity.valid ? null : validity.reason,
    consent,
    scope: String(payload.scope ?? "").split(" ").filter(Boolean),
    expiresAt: payload.exp ? new Date(payload.exp * 1000) : null,
  };
}
