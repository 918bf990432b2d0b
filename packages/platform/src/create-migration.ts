import "reflect-metadata";
import { MikroORM } from "@mikro-orm/postgresql";
import { createLogger, dropDatabase, ensureDatabase, ormConfig, type SubgraphDefinition } from "@samtykke/server-kit";
import { subgraphs } from "./subgraphs.js";

/**
 * `npm run migration:create -- <subgraph> [name]`: diffs the subgraph's entities against a
 * scratch database built from its committed migrations and writes the difference as a new one.
 */
const [name, migrationName] = process.argv.slice(2);
const definition: SubgraphDefinition | undefined = subgraphs.find((s) => s.name === name);
if (!definition) {
  console.error(`Usage: npm run migration:create -- <${subgraphs.map((s) => s.name).join("|")}> [name]`);
  process.exit(1);
}
const server = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const url = new URL(server);
url.pathname = `/migration_scratch_${definition.name}_${process.pid}`;
const databaseUrl = url.toString();
const logger = createLogger("migration", "warn");
await ensureDatabase(databaseUrl);
const orm = await MikroORM.init(
  ormConfig({ databaseUrl, entities: definition.entities as never, migrationsPath: definition.migrationsPath, logger }),
);
try {
  await orm.migrator.up();
  const result = await orm.migrator.create(undefined, false, false, migrationName);
  console.log(result.fileName ? `created ${definition.migrationsPath}/${result.fileName}` : "no changes: no migration created");
} finally {
  await orm.close();
  await dropDatabase(databaseUrl);
}
