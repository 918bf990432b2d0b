export { createApolloClient } from "./apollo.js";
export { errorField, errorMessage } from "./errors.js";
export { createUseLanguage, LanguageProvider, useCurrentLanguage, type Dictionary, type Language, type LocalizedText } from "./i18n.js";
export { addToCachedList, AppShell, ErrorAlert } from "./layout.js";
export { statusLabel } from "./status.js";
