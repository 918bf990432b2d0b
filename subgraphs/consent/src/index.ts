import type { Logger } from "pino";
import { derivedKey, NotFoundError, runtimeDatabaseUrl, SecretBox, startSubgraph, type StartedSubgraph, type IdentityOptions } from "@samtykke/server-kit";
import { ConsentEventBus } from "./services/consent-event-bus.js";
import { applyDueChanges } from "./services/due-changes.js";
import { eraseExpired, eraseOldDataExports } from "./services/retention.js";
import { startFollowingLifeEvents } from "./services/life-events.js";
import { startDataExports } from "./services/data-export.js";
import { announceCommits, listenForCommits } from "./services/commit-listener.js";
import { AnchorFile, startAuditAnchoring } from "./services/audit-anchors.js";
import { startAuditSealing } from "./services/audit-sealer.js";
import { startReconsentCampaigns } from "./services/reconsent.js";
import { PreparedQueries } from "./services/prepared-queries.js";
import { sealPlainWebhookSecrets, startWebhookDelivery, WEBHOOK_SECRET_PURPOSE } from "./services/webhooks.js";
import { platformMailbox, startLetterDelivery, type DigitalPost } from "./services/mailbox.js";
import { SupergraphClient } from "./services/supergraph-client.js";
import { PlatformCredential, type PlatformClient } from "./services/platform-credential.js";
import { watchConsentWork } from "./services/work-metrics.js";
import { consentSubgraph } from "./subgraph.js";
import type { ConsentContext } from "./context.js";
import type { Representation } from "./domain/access.js";
import { publicJwk, type SealKey } from "./domain/consent-document.js";

export { consentSubgraph } from "./subgraph.js";
export { generateSealKey, parseSealKeys } from "./services/seal-keys.js";
export { platformClientEnv, platformClientFrom, type PlatformClient } from "./services/platform-credential.js";
export type { SealKey } from "./domain/consent-document.js";
export type { DigitalPost, Letter } from "./services/mailbox.js";

/** Outside production only: the master key for secrets the consent subgraph keeps (webhook secrets). */
export const DEVELOPMENT_CONSENT_SECRET_KEY = "development-only-consent-secret-key-not-for-production-use";

/** Where the consent subgraph (and, passed through, the gateway) publishes the keys that seal consent documents. */
export const JWKS_PATH = "/.well-known/jwks.json";

export interface StartConsentOptions {
  databaseUrl: string;
  port: number;
  host?: string;
  logger: Logger;
  /** Where the supergraph answers; a function because the gateway may start after this subgraph. */
  gatewayUrl: () => string;
  production?: boolean;
  identity: IdentityOptions;
  now?: () => Date;
  /** How often expiry and answer deadlines are applied (ms). */
  dueCheckIntervalMs?: number;
  /** The platform's keys for sealing consent documents: the first seals, all are published. */
  sealKeys: SealKey[];
  /** How long a subscriber waits without a wake-up before reading the event log anyway (ms). */
  eventPollMs?: number;
  /** How often this instance seals the audit log's new entries (ms); one instance seals at a time. */
  auditSealIntervalMs?: number;
  /** How often this instance looks for re-consent campaigns to work on (it drains them batch by batch when it finds one). */
  campaignIntervalMs?: number;
  /** How often due webhook deliveries are made (ms). */
  webhookIntervalMs?: number;
  /** The citizen app's public address, which letters link to (a function because the app may start after this subgraph). */
  citizenAppUrl?: () => string | undefined;
  /** Where requests and receipts are sent; the platform's own mailbox unless a Digital Post adapter is given. */
  digitalPost?: DigitalPost;
  /** Master key (at least 32 characters) for the secrets kept in the database; required in production. */
  secretKey?: string;
  /** The platform's own client at the token issuer, for this subgraph's calls made for no caller (letters, exports). */
  platformClient?: PlatformClient;
  /** The secret the gateway signs requests with; set, only requests it signed are answered. */
  gatewaySecret?: string | null;
  /** Set, `/metrics` answers only a scraper that sends it as a bearer token. */
  metricsToken?: string;
  /**
   * Where the audit log's head is anchored, signed with the first sealing key, every `intervalMs`
   * (a minute unless told): an append-only file outside the database. None: no anchors.
   */
  auditAnchor?: { file: string; intervalMs?: number };
}

/** A running consent subgraph, and how many subscriptions it is serving. */
export interface StartedConsent extends StartedSubgraph {
  openEventStreams(): number;
}

export async function startConsent(options: StartConsentOptions): Promise<StartedConsent> {
  if (options.production && !options.secretKey) throw new Error("CONSENT_SECRET_KEY is required in production");
  const masterKey = options.secretKey ?? DEVELOPMENT_CONSENT_SECRET_KEY;
  const webhookSecrets = new SecretBox(masterKey, WEBHOOK_SECRET_PURPOSE);
  const fingerprintKey = derivedKey(masterKey, "samtykke idempotency fingerprints");
  const supergraph = new SupergraphClient(options.gatewayUrl, new PlatformCredential(options.platformClient ?? null));
  // Its own connections serve as the part's runtime role, as the ORM's do.
  const servingUrl = runtimeDatabaseUrl(options.databaseUrl);
  const prepared = new PreparedQueries(servingUrl, options.logger);
  const events = new ConsentEventBus(options.eventPollMs);
  const now = options.now ?? (() => new Date());
  const subgraph = await startSubgraph<ConsentContext>(consentSubgraph, {
    ...options,
    extendContext: (base) => {
      let representation: Promise<Representation | null> | undefined;
      return {
        ...base,
        supergraph,
        events,
        now,
        representation: () => (representation ??= base.caller.kind === "citizen" ? supergraph.representation(base) : Promise.resolve(null)),
        sealKeys: options.sealKeys,
        allowLoopbackWebhooks: !options.production,
        webhookSecrets,
        fingerprintKey,
        prepared,
      };
    },
    routes: { [JWKS_PATH]: () => ({ keys: options.sealKeys.map(publicJwk) }) },
  });
  watchConsentWork(subgraph.metrics, subgraph.orm.em);
  const stopDueChanges = scheduleDueChanges(subgraph, events, now, options.dueCheckIntervalMs ?? 30_000, options.logger);
  const stopExports = options.sealKeys[0]
    ? startDataExports({ em: subgraph.orm.em, sealKey: options.sealKeys[0], now, intervalMs: options.campaignIntervalMs ?? 500, logger: options.logger })
    : async () => {};
  const stopLifeEvents = startFollowingLifeEvents({ em: subgraph.orm.em, supergraph, events, now, intervalMs: options.dueCheckIntervalMs ?? 30_000, logger: options.logger });
  // Commits on any instance wake this one's subscribers.
  announceCommits(subgraph.orm.em, events);
  const commits = listenForCommits(servingUrl, events, options.logger);
  await sealPlainWebhookSecrets(subgraph.orm.em, webhookSecrets);
  const stopSealing = startAuditSealing(subgraph.orm.em, options.logger, options.auditSealIntervalMs ?? 250, now);
  const stopAnchoring = options.auditAnchor
    ? startAuditAnchoring(subgraph.orm.em, new AnchorFile(options.auditAnchor.file), options.sealKeys, options.logger, options.auditAnchor.intervalMs ?? 60_000, now)
    : async () => {};
  const stopCampaigns = startReconsentCampaigns(subgraph.orm.em, events, options.logger, options.campaignIntervalMs ?? 500, now);
  const stopWebhooks = startWebhookDelivery(subgraph.orm.em, webhookSecrets, events, options.logger, options.webhookIntervalMs ?? 1_000);
  const stopLetters = startLetterDelivery({
    em: subgraph.orm.em,
    events,
    post: options.digitalPost ?? platformMailbox,
    // An authority that no longer exists is left out of the letter rather than holding the mailbox up.
    authorityName: (id) => supergraph.authorityName(id, `letters-${id}`).catch((error) => (error instanceof NotFoundError ? null : Promise.reject(error))),
    citizenApp: options.citizenAppUrl ?? (() => undefined),
    sealKey: options.sealKeys[0] ?? null,
    logger: options.logger,
    pollMs: options.eventPollMs ?? 2_000,
  });
  return {
    ...subgraph,
    openEventStreams: () => events.openStreams,
    close: async () => {
      await stopCampaigns();
      await stopLetters();
      await stopWebhooks();
      await stopSealing();
      await stopAnchoring();
      await stopDueChanges();
      await stopLifeEvents();
      await stopExports();
      await commits.close();
      await subgraph.close();
      await prepared.close();
    },
  };
}

/** Consents expire, unanswered requests lapse and what has passed its retention is erased, on time, without anyone asking. */
function scheduleDueChanges(subgraph: StartedSubgraph, events: ConsentEventBus, now: () => Date, intervalMs: number, logger: Logger) {
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= applyDueChanges(subgraph.orm.em, now())
      .then(async (changed) => {
        if (changed) {
          events.committed();
          logger.info({ changed }, "expired consents and lapsed requests");
        }
        const erased = await eraseExpired(subgraph.orm.em, now());
        const exports = await eraseOldDataExports(subgraph.orm.em, now());
        if (erased || exports) logger.info({ erased, exports }, "erased what had passed its retention");
      })
      .catch((error) => logger.error({ err: error }, "applying due changes failed"))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(run, intervalMs);
  run();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
export { SUPERGRAPH_CLIENT_DOCUMENTS } from "./services/supergraph-client.js";
export { runCampaignBatch } from "./services/reconsent.js";
