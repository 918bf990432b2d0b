// First: tracing must be set up before anything loads `pg`.
import "@samtykke/server-kit/trace-this-process";
import "reflect-metadata";
import { z } from "zod";
import { parseEnv, runAlone } from "@samtykke/server-kit";
import { parseSealKeys, platformClientEnv, platformClientFrom, startConsent } from "./index.js";

const { GATEWAY_URL, CITIZEN_APP_URL, CONSENT_SEAL_KEYS, CONSENT_SECRET_KEY, AUDIT_ANCHOR_FILE, ...platformClient } = parseEnv({
  GATEWAY_URL: z.string().url().default("http://127.0.0.1:4000/graphql"),
  // The citizen app's public address; letters link to a request's or a consent's page there.
  CITIZEN_APP_URL: z.string().url().optional(),
  // A JSON array of private EC P-256 JWKs with their kid; the first seals. Required.
  CONSENT_SEAL_KEYS: z.string().min(2),
  // Master key for the secrets kept in the database (webhook secrets); required in production.
  CONSENT_SECRET_KEY: z.string().min(32).optional(),
  // An append-only file outside the database where the audit log's head is anchored every minute.
  AUDIT_ANCHOR_FILE: z.string().min(1).optional(),
  // The platform's own client credentials, so that letters and exports are not counted as anonymous at the gateway.
  ...platformClientEnv,
});
await runAlone("consent", 4003, (settings) =>
  startConsent({ ...settings, gatewayUrl: () => GATEWAY_URL, citizenAppUrl: () => CITIZEN_APP_URL, sealKeys: parseSealKeys(CONSENT_SEAL_KEYS), secretKey: CONSENT_SECRET_KEY, platformClient: platformClientFrom(platformClient), auditAnchor: AUDIT_ANCHOR_FILE ? { file: AUDIT_ANCHOR_FILE } : undefined }),
);
