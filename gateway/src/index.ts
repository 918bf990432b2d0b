export { startGateway, type RunningGateway, type StartGatewayOptions } from "./gateway.js";
export { DEFAULT_CALLER_LIMITS, type CallerLimitOverrides, type CallerLimitSettings } from "./caller-limits.js";
export type { TrustedDocuments } from "./gateway.js";
export { TRUSTED_DOCUMENT_FILES, BROWSER_CALLERS, loadTrustedDocuments } from "./trusted-documents.js";
export { corsOriginsEnv, corsOriginsOf } from "./cors.js";
