import { createHash } from "node:crypto";
import type { EntityManager } from "@mikro-orm/postgresql";
import { ConflictError, ValidationError } from "@samtykke/server-kit";
import { IdempotencyRecordEntity } from "../entities/idempotency-record.entity.js";
import type { ConsentEntity } from "../entities/consent.entity.js";
import { findConsent } from "./consent-reads.js";

export function requestHash(request: Record<string, unknown>): string {
  return createHash("sha256").update(JSON.stringify(request)).digest("hex");
}
export function validateIdempotencyKey(key: string): string {
  const trimmed = key.trim();
  if (!trimmed || trimmed.length > 200) {
    throw new ValidationError(
      { da: "Idempotensnøglen skal være 1-200 tegn.", en: "The idempotency key must be 1-200 characters." },
      { field: "idempotencyKey" },
    );
  }
  return trimmed;
}
export async function firstAnswer(
  em: EntityManager,
  idempotency: { authorityId: string; key: string; operation: string; requestHash: string },
): Promise<ConsentEntity | undefined> {
  const record = await em.findOne(IdempotencyRecordEntity, { authorityId: idempotency.authorityId, key: idempotency.key });
  if (!record) return undefined;
  if (record.operation !== idempotency.operation || record.requestHash !== idempotency.requestHash) {
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
