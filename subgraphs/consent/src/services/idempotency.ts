import { createHmac } from "node:crypto";
import canonicalize from "canonicalize";
import { UniqueConstraintViolationException, type EntityManager } from "@mikro-orm/postgresql";
import { ConflictError, ValidationError } from "@samtykke/server-kit";
import { IdempotencyRecordEntity } from "../entities/idempotency-record.entity.js";
import type { ConsentEntity } from "../entities/consent.entity.js";
import type { ConsentContext } from "../context.js";
import { findConsent } from "./consent-reads.js";

/** A mutation sent with an idempotency key: whose key it is, and the fingerprint of what it asked. */
export interface IdempotentCall {
  authorityId: string;
  key: string;
  operation: string;
  requestHash: string;
}

/**
 * The key is decided before anything else, as Stripe's idempotency keys are: a retry gets the first
 * answer even if the same input would now be refused (a template retired since, a child come of
 * age), and a key reused for another request is a CONFLICT whatever else is wrong with it. So the
 * fingerprint is of the request as sent, not of what it resolves to. It is a keyed HMAC because the
 * request holds a CPR number, and a plain hash of a CPR number is quickly reversed by trying them all.
 */
export function idempotentCall(
  ctx: ConsentContext,
  authorityId: string,
  key: string | null | undefined,
  request: Record<string, unknown> & { operation: string },
): IdempotentCall | undefined {
  if (key == null) return undefined;
  const requestHash = createHmac("sha256", ctx.fingerprintKey).update(canonicalize(request)!).digest("hex");
  return { authorityId, key: validateIdempotencyKey(key), operation: request.operation, requestHash };
}

function validateIdempotencyKey(key: string): string {
  const trimmed = key.trim();
  if (!trimmed || trimmed.length > 200) {
    throw new ValidationError(
      { da: "Idempotensnøglen skal være 1-200 tegn.", en: "The idempotency key must be 1-200 characters." },
      { field: "idempotencyKey" },
    );
  }
  return trimmed;
}

/**
 * Runs `act` once per key: answers a key seen before with the consent its first call made (or
 * CONFLICT for a different request) without running `act`. `act` stores the key with its change
 * through `remember`, in the same transaction, so a concurrent retry that loses the race on the
 * key's primary key answers as the winner did.
 */
export async function once(
  ctx: ConsentContext,
  call: IdempotentCall | undefined,
  act: (remember: (em: EntityManager, consentId: string, now: Date) => void) => Promise<ConsentEntity>,
): Promise<ConsentEntity> {
  if (!call) return act(() => {});
  const earlier = await firstAnswer(ctx.em, call);
  if (earlier) return earlier;
  try {
    return await act((em, consentId, now) => em.create(IdempotencyRecordEntity, { ...call, consentId, createdAt: now }));
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      const winner = await firstAnswer(ctx.em.fork(), call);
      if (winner) return winner;
    }
    throw error;
  }
}

async function firstAnswer(em: EntityManager, call: IdempotentCall): Promise<ConsentEntity | undefined> {
  const record = await em.findOne(IdempotencyRecordEntity, { authorityId: call.authorityId, key: call.key });
  if (!record) return undefined;
  if (record.operation !== call.operation || record.requestHash !== call.requestHash) {
    throw new ConflictError(
      {
        da: "Idempotensnøglen er allerede brugt til en anden anmodning.",
        en: "The idempotency key has already been used for a different request.",
      },
      { field: "idempotencyKey" },
    );
  }
  return findConsent(em, record.consentId);
}
