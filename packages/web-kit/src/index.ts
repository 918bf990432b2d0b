export { createApolloClient } from "./apollo.js";
export { errorField, errorMessage } from "./errors.js";
export { createUseLanguage, LanguageProvider, type Dictionary, type Language, type LocalizedText } from "./i18n.js";
export { statusLabel } from "./status.js";
