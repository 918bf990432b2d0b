import "reflect-metadata";
import { MikroORM } from "@mikro-orm/postgresql";
import { z } from "zod";
import { createLogger, ormConfig, parseEnv, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { AnchorFile, anchorAuditLog } from "./services/audit-anchors.js";
import { verifyAuditLog } from "./services/audit-sealer.js";
import { parseSealKeys } from "./services/seal-keys.js";
import { consentSubgraph } from "./subgraph.js";

// `npm run audit:verify`: reads every sealed batch of the consent audit log with its entries and
// says whether each entry still fits its batch and each batch the one before, and whether the chain
// reaches the latest anchor kept outside the database (AUDIT_ANCHOR_FILE); exit code 1 and the first
// thing that does not, if not.
const env = parseEnv({
  CONSENT_DATABASE_URL: z.string().url().optional(),
  DATABASE_URL: z.string().url().optional(),
  // The anchors kept outside the database, and the keys that sign them (the platform's sealing keys).
  AUDIT_ANCHOR_FILE: z.string().min(1).optional(),
  CONSENT_SEAL_KEYS: z.string().min(2).optional(),
});
if (env.AUDIT_ANCHOR_FILE && !env.CONSENT_SEAL_KEYS) {
  console.error("Set CONSENT_SEAL_KEYS too: the anchors in AUDIT_ANCHOR_FILE are read and signed with them.");
  process.exit(2);
}
const databaseUrl = env.CONSENT_DATABASE_URL ?? (env.DATABASE_URL && subgraphDatabaseUrl(env.DATABASE_URL, "consent"));
if (!databaseUrl) {
  console.error("Set CONSENT_DATABASE_URL, or DATABASE_URL of the server the consent database is on.");
  process.exit(2);
}
const orm = await MikroORM.init(
  ormConfig({ databaseUrl, entities: consentSubgraph.entities as never, migrationsPath: consentSubgraph.migrationsPath, logger: createLogger("audit", "silent") }),
);
try {
  const keys = env.CONSENT_SEAL_KEYS ? parseSealKeys(env.CONSENT_SEAL_KEYS) : [];
  const anchors = env.AUDIT_ANCHOR_FILE ? new AnchorFile(env.AUDIT_ANCHOR_FILE) : null;
  const anchor = anchors ? await anchors.latest(keys) : null;
  const verdict = await verifyAuditLog(orm.em, anchor);
  if (verdict.intact) {
    console.log(
      `audit log intact: ${verdict.entries} entries in ${verdict.batches} sealed batches (${verdict.erased} with their personal part erased as their retention passed), last head ${verdict.head}; ${verdict.waiting} newer entries waiting to be sealed`,
    );
    if (!anchors) console.log("no anchors given (AUDIT_ANCHOR_FILE): the newest batches could have been removed unseen");
    else if (anchor) console.log(`reaches the latest anchor (batch ${anchor.batch}, ${anchor.at})`);
    // Each verified head is anchored in turn, so the next verify starts from here.
    if (anchors) await anchorAuditLog(orm.em, anchors, keys, new Date());
  } else {
    console.log(`audit log BROKEN at ${verdict.brokenAt} (after ${verdict.entries} intact entries in ${verdict.batches} batches): ${verdict.why}`);
    process.exitCode = 1;
  }
} finally {
  await orm.close();
}
