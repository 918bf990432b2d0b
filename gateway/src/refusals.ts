import type { ServerResponse } from "node:http";
import { GraphQLError } from "graphql";
import { INPUT_TOO_DEEP } from "@samtykke/server-kit";

export const TRUSTED_ONLY = {
  da: "Denne klient må kun sende de forespørgsler, den er bygget med (efter deres hash).",
  en: "This client may send only the operations it was built with (by their hash).",
};

export const inputTooDeep = () => new GraphQLError(INPUT_TOO_DEEP.en, { extensions: { code: "BAD_USER_INPUT", message: INPUT_TOO_DEEP } });

/** Answers a request the gateway refuses before GraphQL runs, in GraphQL's error shape. */
export function refuse(response: ServerResponse, status: number, error: { message: string; extensions: Record<string, unknown> }, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify({ errors: [error] }));
}
