export { startPlatform, type Platform, type PlatformOptions } from "./platform.js";
export { composeFromCode, INTERNAL_DOCUMENTS_FILE, internalDocuments, readCommittedSupergraph, SCHEMA_DIR } from "./supergraph.js";
