import "reflect-metadata";
import { z } from "zod";
import { commonEnv, createLogger, openDatabase, parseEnv, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { subgraphs } from "./subgraphs.js";

// Applies every subgraph's migrations and exits: a deployment's Job before a rollout, so that the
// new instances start on a migrated database instead of queueing on the migration lock.
const env = parseEnv({
  ...commonEnv,
  DATABASE_URL: z.string().url().optional(),
  PARTY_DATABASE_URL: z.string().url().optional(),
  TEMPLATE_DATABASE_URL: z.string().url().optional(),
  CONSENT_DATABASE_URL: z.string().url().optional(),
});
const logger = createLogger("migrate", env.LOG_LEVEL);
const own: Record<string, string | undefined> = { party: env.PARTY_DATABASE_URL, template: env.TEMPLATE_DATABASE_URL, consent: env.CONSENT_DATABASE_URL };
for (const subgraph of subgraphs) {
  const databaseUrl = own[subgraph.name] ?? (env.DATABASE_URL && subgraphDatabaseUrl(env.DATABASE_URL, subgraph.name));
  if (!databaseUrl) {
    logger.fatal(`Set DATABASE_URL or ${subgraph.name.toUpperCase()}_DATABASE_URL`);
    process.exit(1);
  }
  const orm = await openDatabase({ databaseUrl, entities: subgraph.entities as never, migrationsPath: subgraph.migrationsPath, logger });
  await orm.close();
  logger.info({ subgraph: subgraph.name }, "migrated");
}
