import { afterAll, beforeAll, inject } from "vitest";
import type { MikroORM } from "@mikro-orm/postgresql";
import { createLogger, openDatabase, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { dropSubgraphDatabases, uniqueDatabaseServerUrl } from "@samtykke/server-kit/testing";
import { consentSubgraph } from "../src/subgraph.js";

/**
 * A migrated consent database of the test file's own, open before its tests and dropped after
 * them: its ORM (once the tests run) and its address. `poolMax` for tests that write from many connections.
 */
export function consentDatabase(options: { poolMax?: number } = {}): { readonly orm: MikroORM; url: string } {
  const serverUrl = uniqueDatabaseServerUrl(inject("databaseServerUrl"));
  const url = subgraphDatabaseUrl(serverUrl, "consent");
  let orm: MikroORM | undefined;
  beforeAll(async () => {
    orm = await openDatabase({
      databaseUrl: url,
      entities: consentSubgraph.entities as never,
      migrationsPath: consentSubgraph.migrationsPath,
      logger: createLogger("consent", "silent"),
      poolMax: options.poolMax,
    });
  });
  afterAll(async () => {
    await orm?.close();
    await dropSubgraphDatabases(serverUrl, ["consent"]);
  });
  return {
    get orm() {
      return orm!;
    },
    url,
  };
}
