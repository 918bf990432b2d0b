import { createHmac, timingSafeEqual } from "node:crypto";
import { ValidationError } from "@samtykke/server-kit";

/**
 * Webhook signatures: `x-samtykke-signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
 * The receiver recomputes it and refuses a timestamp older than `WEBHOOK_TOLERANCE_SECONDS`, so a
 * captured delivery cannot be replayed later.
 */
export const SIGNATURE_HEADER = "x-samtykke-signature";
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export function signWebhook(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
}

/** What a receiver does: true only for the right secret, the exact body and a fresh timestamp. */
export function verifyWebhook(secret: string, body: string, header: string, now: Date): boolean {
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=") as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > WEBHOOK_TOLERANCE_SECONDS || !parts.v1) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(`${t}.${body}`).digest("hex"));
  const given = Buffer.from(parts.v1);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Seconds to wait after `failures` failed attempts in a row: 1, 2, 4, … up to 5 minutes. */
export function backoffSeconds(failures: number): number {
  return Math.min(300, 2 ** Math.max(0, failures - 1));
}

/** HTTPS only, except a loopback address for development and tests. */
export function validateWebhookUrl(url: string, allowLoopbackHttp: boolean): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    parsed = new URL("invalid:");
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(parsed.hostname);
  if (parsed.protocol === "https:" || (allowLoopbackHttp && loopback && parsed.protocol === "http:")) return parsed.toString();
  throw new ValidationError(
    { da: "Webhook-adressen skal være en https-adresse.", en: "The webhook address must be an https URL." },
    { field: "url" },
  );
}
