import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import { z } from "zod";
import type { SealKey } from "../domain/consent-document.js";

/** A new P-256 key for sealing consent documents. */
export async function generateSealKey(): Promise<SealKey> {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  return { kid: randomUUID(), privateJwk: await exportJWK(privateKey) };
}

const keyList = z
  .array(z.object({ kid: z.string().min(1), kty: z.literal("EC"), crv: z.literal("P-256"), x: z.string(), y: z.string(), d: z.string() }))
  .min(1);

/**
 * Reads `CONSENT_SEAL_KEYS`: a JSON array of private EC P-256 JWKs, each with its `kid`. The first
 * seals new documents; keep retired keys in the list, after it, so documents they sealed still verify.
 */
export function parseSealKeys(json: string): SealKey[] {
  return keyList.parse(JSON.parse(json)).map(({ kid, ...jwk }) => ({ kid, privateJwk: jwk as JWK }));
}
