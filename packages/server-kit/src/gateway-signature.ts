import { createHmac, timingSafeEqual } from "node:crypto";
import { defaultExecutionRequestSerializer, defaultParamsSerializer } from "@graphql-mesh/hmac-upstream-signature";
import { z } from "zod";
import type { LocalizedMessage } from "./errors.js";

/**
 * Where the gateway puts its signature of each request to a subgraph (Hive Gateway's
 * `hmacSignature`: HMAC-SHA256 over the query and variables, key-sorted JSON, base64).
 */
export const GATEWAY_SIGNATURE_EXTENSION = "hmac-signature";

export const NOT_FROM_GATEWAY: LocalizedMessage = {
  da: "Denne tjeneste svarer kun forespørgsler, som platformens gateway har signeret.",
  en: "This service answers only requests the platform's gateway signed.",
};

/** The secret the gateway signs with and the subgraphs check: `SUBGRAPH_SECRET`, at least 32 characters. */
export const subgraphSecretEnv = { SUBGRAPH_SECRET: z.string().min(32).optional() };

/** The signature the gateway puts on a request with this query and these variables. */
export function gatewaySignatureOf(secret: string, params: { query?: string | null; variables?: Record<string, unknown> | null }): string {
  return createHmac("sha256", secret).update(defaultParamsSerializer(params as never) ?? "").digest("base64");
}

/** The same signature made by the gateway from the request it is about to send (the runtime's serialisation of it). */
export function gatewaySignatureOfExecution(secret: string, executionRequest: Parameters<typeof defaultExecutionRequestSerializer>[0]): string {
  return createHmac("sha256", secret).update(defaultExecutionRequestSerializer(executionRequest) ?? "").digest("base64");
}

/** Whether the gateway signed this request: its signature is in the extensions and matches the query and variables. */
export function signedByGateway(secret: string, params: { query?: unknown; variables?: unknown; extensions?: unknown }): boolean {
  const sent = (params.extensions as Record<string, unknown> | null | undefined)?.[GATEWAY_SIGNATURE_EXTENSION];
  if (typeof sent !== "string" || typeof params.query !== "string") return false;
  const expected = Buffer.from(gatewaySignatureOf(secret, { query: params.query, variables: params.variables as Record<string, unknown> | null }));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A request body as the gateway sends it to a subgraph: the same query and variables, signed. */
export function signedAsGateway<T extends { query: string; variables?: Record<string, unknown> }>(secret: string, body: T): T & { extensions: Record<string, string> } {
  return { ...body, extensions: { [GATEWAY_SIGNATURE_EXTENSION]: gatewaySignatureOf(secret, body) } };
}
