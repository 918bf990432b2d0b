import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@samtykke/server-kit";

declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
  }
}

/**
 * Tests run against a real PostgreSQL: the server in DATABASE_URL when set (CI), otherwise an
 * embedded one started here for the run. Every test file creates and drops its own databases.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide("databaseServerUrl", process.env.DATABASE_URL);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), "samtykke-test-pg-"));
  const port = 15000 + Math.floor(Math.random() * 5000);
  const server = await startEmbeddedPostgres({ dataDir, port });
  project.provide("databaseServerUrl", server.url);
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
