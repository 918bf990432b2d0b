import { randomBytes } from "node:crypto";
import { dropDatabase, subgraphDatabaseUrl } from "../database.js";

/**
 * The database server tests use: DATABASE_URL when set (CI points it at the machine's PostgreSQL),
 * otherwise the embedded server the global test setup started (TEST_DATABASE_URL).
 */
export function testServerUrl(): string {
  const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("No database server for tests: set DATABASE_URL or run through vitest's global setup");
  return url;
}

/** A fresh, uniquely named database URL for one subgraph in one test file; `drop` removes it. */
export function uniqueTestDatabase(subgraph: string): { url: string; drop: () => Promise<void> } {
  const server = new URL(testServerUrl());
  server.pathname = `/test_${randomBytes(5).toString("hex")}`;
  const url = subgraphDatabaseUrl(server.toString(), subgraph);
  return { url, drop: () => dropDatabase(url) };
}
