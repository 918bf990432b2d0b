import { CombinedGraphQLErrors } from "@apollo/client";
import type { Language } from "./i18n.js";

const GENERIC = { da: "Noget gik galt. Prøv igen om lidt.", en: "Something went wrong. Please try again shortly." };

/** Turns an API error into words for the citizen: the API's own bilingual message when it has one. */
export function errorMessage(error: unknown, language: Language): string {
  if (CombinedGraphQLErrors.is(error)) {
    const message = error.errors[0]?.extensions?.message as { da?: string; en?: string } | undefined;
    if (message?.[language]) return message[language]!;
  }
  return GENERIC[language];
}

/** The input field an error is about, when the API names one. */
export function errorField(error: unknown): string | undefined {
  return CombinedGraphQLErrors.is(error) ? (error.errors[0]?.extensions?.field as string | undefined) : undefined;
}
