import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { MikroORM } from "@mikro-orm/postgresql";
import { createLogger, openDatabase, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { dropSubgraphDatabases, uniqueDatabaseServerUrl } from "@samtykke/server-kit/testing";
import { subgraphs } from "../packages/platform/src/subgraphs.js";

const serverUrl = uniqueDatabaseServerUrl(inject("databaseServerUrl"));
const opened: MikroORM[] = [];
afterAll(async () => {
  await Promise.all(opened.map((orm) => orm.close()));
  await dropSubgraphDatabases(serverUrl, subgraphs.map((s) => s.name));
});

describe.each(subgraphs.map((s) => [s.name, s] as const))("the %s subgraph's committed migrations", (name, subgraph) => {
  it("build a database that matches its entities exactly (run `npm run migration:create` after an entity change)", async () => {
    const orm = await openDatabase({
      databaseUrl: subgraphDatabaseUrl(serverUrl, name),
      entities: subgraph.entities as never,
      migrationsPath: subgraph.migrationsPath,
      logger: createLogger(name, "silent"),
    });
    opened.push(orm);
    expect(await orm.migrator.getPending()).toEqual([]);
    const missing = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(missing.trim(), `entities differ from migrations:\n${missing}`).toBe("");
  });
});
