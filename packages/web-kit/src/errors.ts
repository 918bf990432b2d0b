import { CombinedGraphQLErrors } from "@apollo/client";
import { SHARED_TEXTS, type Language, type LocalizedText } from "./i18n.js";

/**
 * An error from the API in the reader's language: the API's own `extensions.message { da en }` when
 * it sends one (domain errors do), otherwise a generic text. Never the raw English `message`.
 */
export function errorMessage(error: unknown, language: Language): string {
  if (CombinedGraphQLErrors.is(error)) {
    for (const graphQLError of error.errors) {
      const message = graphQLError.extensions?.message as Partial<LocalizedText> | undefined;
      if (typeof message?.[language] === "string") return message[language];
    }
  }
  return SHARED_TEXTS.genericError[language];
}

/** The input field an error is about, when the API names one (`extensions.field`, e.g. "cpr"). */
export function errorField(error: unknown): string | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const field = error.errors[0]?.extensions?.field;
  return typeof field === "string" ? field : undefined;
}

/** The API's code for the first error (`extensions.code`, e.g. "NOT_FOUND"); none for a network failure. */
export function errorCode(error: unknown): string | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const code = error.errors[0]?.extensions?.code;
  return typeof code === "string" ? code : undefined;
}

/** Why the API refused, when it says (`extensions.reason`, e.g. "SIGNING_REQUIRED"). */
export function errorReason(error: unknown): string | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const reason = error.errors[0]?.extensions?.reason;
  return typeof reason === "string" ? reason : undefined;
}
