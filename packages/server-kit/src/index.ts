import "reflect-metadata";

export * from "./config.js";
export * from "./logger.js";
export * from "./errors.js";
export * from "./identity.js";
export * from "./hardening.js";
export * from "./input-checks.js";
export * from "./database.js";
export * from "./embedded-postgres.js";
export * from "./federation.js";
export * from "./subgraph-server.js";
export * from "./demo-ids.js";
export * from "./start-subgraph.js";
export * from "./run-alone.js";
export * from "./websockets.js";
export * from "./reference-loader.js";
export * from "./secret-box.js";
export { documentHash } from "./document-hash.js";
