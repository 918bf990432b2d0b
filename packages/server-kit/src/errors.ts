import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";

/** A message a person can read, in Danish first and English second. */
export interface LocalizedMessage {
  da: string;
  en: string;
}

/**
 * Errors the domain throws on purpose. They know nothing of GraphQL; the mapper below turns them
 * into GraphQL errors whose `extensions.code` clients branch on.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(
    readonly messages: LocalizedMessage,
    readonly details: Record<string, unknown> = {},
  ) {
    super(messages.en);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly code = "NOT_FOUND";
}

export class ValidationError extends DomainError {
  readonly code = "BAD_USER_INPUT";
}

export class ForbiddenError extends DomainError {
  readonly code = "FORBIDDEN";
}

/** No valid login: the token is missing where one is needed, expired, or not signed by a trusted issuer. */
export class UnauthenticatedError extends DomainError {
  readonly code = "UNAUTHENTICATED";
}

export class ConflictError extends DomainError {
  readonly code = "CONFLICT";
}

export class InvalidTransitionError extends DomainError {
  readonly code = "INVALID_TRANSITION";
}

export class UpstreamError extends DomainError {
  readonly code = "UPSTREAM_UNAVAILABLE";
}

// Codes that GraphQL itself produces for malformed requests; they carry no secrets and
// say exactly what is wrong with the operation, so they pass through unchanged.
const PASS_THROUGH_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
]);

function findDomainError(error: unknown): DomainError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof DomainError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/**
 * Builds the one error formatter every subgraph uses: domain errors keep their code and
 * bilingual message, GraphQL's own request errors pass through, and anything else is logged with
 * the request id and reaches the client only as INTERNAL_SERVER_ERROR.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const domainError = findDomainError(error);
    if (domainError) {
      return {
        message: domainError.messages.en,
        path: formatted.path,
        extensions: { code: domainError.code, message: domainError.messages, ...domainError.details },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && PASS_THROUGH_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: (error as GraphQLError)?.originalError ?? error, path: formatted.path }, "unexpected error");
    return {
      message: "Internal server error",
      path: formatted.path,
      extensions: {
        code: "INTERNAL_SERVER_ERROR",
        message: { da: "Der opstod en uventet fejl. Prøv igen senere.", en: "An unexpected error occurred. Please try again later." },
      },
    };
  };
}
