import type { SecretBox, SubgraphContext } from "@samtykke/server-kit";
import type { Representation } from "./domain/access.js";
import type { SealKey } from "./domain/consent-document.js";
import type { ConsentEventBus } from "./services/consent-event-bus.js";
import type { PreparedQueries } from "./services/prepared-queries.js";
import type { SupergraphClient } from "./services/supergraph-client.js";

export interface ConsentContext extends SubgraphContext {
  supergraph: SupergraphClient;
  events: ConsentEventBus;
  now: () => Date;
  /** Whom a signed-in citizen acts for (asked of the party subgraph once per request); null for anyone else. */
  representation(): Promise<Representation | null>;
  /** The platform's sealing keys; the first seals. */
  sealKeys: SealKey[];
  /** Whether a webhook may be plain http on a loopback address (development and tests, never production). */
  allowLoopbackWebhooks: boolean;
  /** Seals webhook secrets before they are stored and opens them to sign a delivery. */
  webhookSecrets: SecretBox;
  /** The hot path's prepared statements (consentCheck, the audit entries of reads). */
  prepared: PreparedQueries;
  /** Keys the fingerprints of requests sent with an idempotency key (see services/idempotency.ts). */
  fingerprintKey: Buffer;
}
