export { startPlatform, type Platform, type PlatformOptions } from "./platform.js";
export { composeFromCode, readCommittedSupergraph, SCHEMA_DIR } from "./supergraph.js";
