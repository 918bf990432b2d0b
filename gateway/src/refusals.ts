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

export const UPSTREAM_UNAVAILABLE = {
  da: "En del af samtykketjenesten svarer ikke lige nu. Prøv igen om lidt; en ændring med samme idempotensnøgle bliver kun udført én gang.",
  en: "Part of the consent service is not answering right now. Please try again shortly; a change sent with the same idempotency key is made only once.",
};

/**
 * A subgraph that cannot be reached (stopped, restarting, refusing connections) answers as one that
 * says so: UPSTREAM_UNAVAILABLE, which a caller may retry, instead of the runtime's masked
 * "Unexpected error." (INTERNAL_SERVER_ERROR), which no caller can act on.
 */
export function upstreamUnavailable() {
  return {
    onFetch({ fetchFn, setFetchFn }: { fetchFn: (...args: any[]) => Promise<Response>; setFetchFn(fetchFn: (...args: any[]) => Promise<Response>): void }) {
      setFetchFn(async (...args) => {
        try {
          return await fetchFn(...args);
        } catch {
          const error = { message: UPSTREAM_UNAVAILABLE.en, extensions: { code: "UPSTREAM_UNAVAILABLE", message: UPSTREAM_UNAVAILABLE } };
          return new Response(JSON.stringify({ data: null, errors: [error] }), { status: 200, headers: { "content-type": "application/json" } });
        }
      });
    },
  };
}
