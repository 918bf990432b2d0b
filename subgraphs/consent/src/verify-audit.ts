import "reflect-metadata";
import { MikroORM } from "@mikro-orm/postgresql";
import { z } from "zod";
import { createLogger, ormConfig, parseEnv, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { verifyAuditChain } from "./services/audit.js";
import { consentSubgraph } from "./subgraph.js";

// `npm run audit:verify`: reads the consent audit log from the first entry to the last and says
// whether every entry still fits the chain; exit code 1 and the first entry that does not, if not.
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
  const verdict = await verifyAuditChain(orm.em);
  if (verdict.intact) {
    console.log(`audit log intact: ${verdict.checked} entries, last hash ${verdict.lastHash}`);
  } else {
    console.log(`audit log BROKEN at entry ${verdict.brokenAt} (after ${verdict.checked} intact entries): ${verdict.why}`);
    process.exitCode = 1;
  }
} finally {
  await orm.close();
}
