import "reflect-metadata";
import { MikroORM } from "@mikro-orm/postgresql";
import { z } from "zod";
import { createLogger, ormConfig, parseEnv, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { verifyAuditLog } from "./services/audit-sealer.js";
import { consentSubgraph } from "./subgraph.js";

// `npm run audit:verify`: reads every sealed batch of the consent audit log with its entries and
// says whether each entry still fits its batch and each batch the one before; exit code 1 and the
// first thing that does not, if not.
const env = parseEnv({
  CONSENT_DATABASE_URL: z.string().url().optional(),
  DATABASE_URL: z.string().url().optional(),
});
const databaseUrl = env.CONSENT_DATABASE_URL ?? (env.DATABASE_URL && subgraphDatabaseUrl(env.DATABASE_URL, "consent"));
if (!databaseUrl) {
  console.error("Set CONSENT_DATABASE_URL, or DATABASE_URL of the server the consent database is on.");
  process.exit(2);
}
const orm = await MikroORM.init(
  ormConfig({ databaseUrl, entities: consentSubgraph.entities as never, migrationsPath: consentSubgraph.migrationsPath, logger: createLogger("audit", "silent") }),
);
try {
  const verdict = await verifyAuditLog(orm.em);
  if (verdict.intact) {
    console.log(`audit log intact: ${verdict.entries} entries in ${verdict.batches} sealed batches, last head ${verdict.head}; ${verdict.waiting} newer entries waiting to be sealed`);
  } else {
    console.log(`audit log BROKEN at ${verdict.brokenAt} (after ${verdict.entries} intact entries in ${verdict.batches} batches): ${verdict.why}`);
    process.exitCode = 1;
  }
} finally {
  await orm.close();
}
