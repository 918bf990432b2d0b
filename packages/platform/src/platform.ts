import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateSealKey, startConsent, type PlatformClient, type SealKey, type StartedConsent } from "@samtykke/consent";
import { PLATFORM_CLIENT, startDevLogin, type DevLogin } from "@samtykke/dev-login";
import { TRUSTED_DOCUMENT_FILES, BROWSER_CALLERS, loadTrustedDocuments, startGateway, type CallerLimitOverrides, type RunningGateway } from "@samtykke/gateway";
import { startParty } from "@samtykke/party";
import {
  createLogger,
  startEmbeddedPostgres,
  subgraphDatabaseUrl,
  type DestinationStream,
  type EmbeddedDatabaseServer,
  type StartedSubgraph,
  type IdentityOptions,
  type Logger,
} from "@samtykke/server-kit";
import { startTemplate } from "@samtykke/template";
import { seedDemoConsents } from "./demo-consents.js";
import { serveSite } from "./static-site.js";
import { readCommittedSupergraph } from "./supergraph.js";

export interface PlatformOptions {
  /** A PostgreSQL server URL; each subgraph uses its own database on it, named after this URL's. */
  databaseUrl?: string;
  /** Without databaseUrl: where the embedded PostgreSQL keeps its data, and its port. */
  embedded?: { dataDir: string; port: number };
  ports: { gateway: number; party: number; template: number; consent: number; citizenWeb?: number; authorityWeb?: number; devLogin?: number };
  /**
   * Where tokens come from: an OpenID Connect provider, or `"dev-login"` for the built-in development
   * login (anyone can sign in as anyone; refused in production).
   */
  identity: IdentityOptions | "dev-login";
  host?: string;
  seedDemo: boolean;
  /** Also make demo consents when seeding (default: as seedDemo); tests make their own. */
  seedDemoConsents?: boolean;
  /** The citizen app's public address, which letters link to; the served app's when not given. */
  citizenAppUrl?: string;
  /** Serve the built SPAs (web-citizen/dist, web-authority/dist). */
  serveWeb: boolean;
  cprKey: string;
  production?: boolean;
  logLevel?: string;
  /** Where every part writes its JSON log lines (stdout when not given). */
  logDestination?: DestinationStream;
  onProgress?: (message: string) => void;
  /** The keys that seal consent documents, the first sealing; one is made for this run when none are given. */
  sealKeys?: SealKey[];
  /** How long the development login's tokens live (seconds); an hour unless told. */
  devLoginTokenLifetimeSeconds?: number;
  /** Master key for the consent subgraph's stored secrets; a development key outside production. */
  consentSecretKey?: string;
  /** The platform's own client at the token issuer (consent's letters and exports); the development login's own with it. */
  platformClient?: PlatformClient;
  /** Where the consent subgraph anchors the audit log's head, outside the database (none: no anchors). */
  auditAnchor?: { file: string; intervalMs?: number };
  /** The secret the gateway signs requests to the subgraphs with; one of this run's own when not given. */
  subgraphSecret?: string;
  /** Origins besides the served apps' whose pages may call the gateway from a browser. */
  corsOrigins?: string[];
  /** Set, every part's `/metrics` answers only a scraper that sends it as a bearer token. */
  metricsToken?: string;
  /** Request rates and socket caps per caller at the gateway (tests make them small). */
  gatewayLimits?: CallerLimitOverrides;
  /** How long a subscriber waits without a wake-up before reading the event log anyway (tests make it long). */
  consentEventPollMs?: number;
  /** How often the consent subgraph looks for re-consent campaigns to work on (a test may leave them to itself). */
  consentCampaignIntervalMs?: number;
  /** The consent subgraph's clock and how often it applies expiry (tests move time). */
  consentClock?: { now: () => Date; dueCheckIntervalMs: number };
}

export interface RunningPart {
  name: string;
  url: string;
}

export interface Platform {
  gatewayUrl: string;
  databaseUrl: string;
  parts: RunningPart[];
  logger: Logger;
  /** The running subgraphs by name, for operating on one part alone. */
  subgraphs: Record<"party" | "template", StartedSubgraph> & { consent: StartedConsent };
  gateway: RunningGateway;
  /** The development login, when the platform runs with it. */
  devLogin?: DevLogin;
  /** What the gateway signs requests to the subgraphs with (a second gateway, or a test speaking to a subgraph as the gateway, needs it). */
  subgraphSecret: string;
  stop(): Promise<void>;
}

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Starts the whole platform in this process: database, the three subgraphs, the gateway and the SPAs. */
export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const progress = options.onProgress ?? (() => {});
  const level = options.logLevel ?? "info";
  const stops: (() => Promise<void>)[] = [];
  const parts: RunningPart[] = [];
  const stop = async () => {
    for (const stopPart of stops.reverse()) await stopPart().catch(() => {});
    stops.length = 0;
  };

  try {
    let databaseUrl = options.databaseUrl;
    let embedded: EmbeddedDatabaseServer | undefined;
    if (!databaseUrl) {
      if (!options.embedded) throw new Error("Either databaseUrl or embedded must be given");
      embedded = await startEmbeddedPostgres({ ...options.embedded, onProgress: progress });
      stops.push(() => embedded!.stop());
      databaseUrl = embedded.url;
      parts.push({ name: "PostgreSQL (embedded)", url: `postgres://127.0.0.1:${options.embedded.port} (data in ${options.embedded.dataDir})` });
    } else {
      const shown = new URL(databaseUrl);
      shown.password = "";
      parts.push({ name: "PostgreSQL", url: shown.toString() });
    }

    let devLogin: DevLogin | undefined;
    let identity: IdentityOptions;
    if (options.identity === "dev-login") {
      if (options.production) throw new Error("The development login cannot run in production; configure AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL");
      devLogin = await startDevLogin({
        port: options.ports.devLogin ?? 0,
        host: options.host,
        logger: createLogger("dev-login", level, options.logDestination),
        tokenLifetimeSeconds: options.devLoginTokenLifetimeSeconds,
      });
      stops.push(devLogin.close);
      identity = devLogin.identity;
      parts.push({ name: "development login", url: `${devLogin.authorizeUrl} (TEST ONLY: anyone can sign in as anyone)` });
    } else {
      identity = options.identity;
    }

    let gatewayUrl = "";
    let citizenAppUrl = options.citizenAppUrl;
    // The apps' origins are known once they are served, after the gateway is up; the gateway asks per request.
    const appOrigins = [...(options.corsOrigins ?? [])];
    // The gateway signs every request to a subgraph with it, and they answer nothing else; the parts
    // of one platform start together, so a secret of this run's own will do.
    const subgraphSecret = options.subgraphSecret ?? randomBytes(32).toString("base64url");
    const common = { host: options.host, production: options.production, seedDemo: options.seedDemo, identity, gatewaySecret: subgraphSecret, metricsToken: options.metricsToken };
    progress("migrating and starting the party subgraph");
    const party = await startParty({
      ...common,
      databaseUrl: subgraphDatabaseUrl(databaseUrl, "party"),
      port: options.ports.party,
      logger: createLogger("party", level, options.logDestination),
      cprKey: options.cprKey,
    });
    stops.push(party.close);
    progress("migrating and starting the template subgraph");
    const template = await startTemplate({
      ...common,
      databaseUrl: subgraphDatabaseUrl(databaseUrl, "template"),
      port: options.ports.template,
      logger: createLogger("template", level, options.logDestination),
    });
    stops.push(template.close);
    progress("migrating and starting the consent subgraph");
    const consent = await startConsent({
      ...common,
      databaseUrl: subgraphDatabaseUrl(databaseUrl, "consent"),
      port: options.ports.consent,
      logger: createLogger("consent", level, options.logDestination),
      gatewayUrl: () => gatewayUrl,
      citizenAppUrl: () => citizenAppUrl,
      now: options.consentClock?.now,
      dueCheckIntervalMs: options.consentClock?.dueCheckIntervalMs,
      sealKeys: options.sealKeys ?? [await generateSealKey()],
      secretKey: options.consentSecretKey,
      eventPollMs: options.consentEventPollMs,
      campaignIntervalMs: options.consentCampaignIntervalMs,
      platformClient: options.platformClient ?? (devLogin && { tokenUrl: devLogin.tokenUrl, clientId: PLATFORM_CLIENT.id, clientSecret: PLATFORM_CLIENT.secret }),
      auditAnchor: options.auditAnchor,
    });
    stops.push(consent.close);
    if (options.seedDemo) {
      const seeded = [party, template, consent].filter((subgraph) => subgraph.seeded).map((subgraph) => subgraph.name);
      progress(seeded.length ? `demo data added (${seeded.join(", ")})` : "existing data kept: no demo data added");
    }
    parts.push({ name: "party subgraph", url: party.url }, { name: "template subgraph", url: template.url }, { name: "consent subgraph", url: consent.url });

    progress("starting the gateway");
    const logger = createLogger("gateway", level, options.logDestination);
    const gateway = await startGateway({
      supergraphSdl: await readCommittedSupergraph(),
      subgraphUrls: { party: party.url, template: template.url, consent: consent.url },
      port: options.ports.gateway,
      host: options.host,
      logger,
      production: options.production,
      identity,
      limits: options.gatewayLimits,
      trustedDocuments: await loadTrustedDocuments(TRUSTED_DOCUMENT_FILES, options.production ? BROWSER_CALLERS : []),
      corsOrigins: () => appOrigins,
      subgraphSecret,
      metricsToken: options.metricsToken,
    });
    stops.push(gateway.close);
    gatewayUrl = gateway.url;
    parts.push({
      name: "gateway",
      url: `${gateway.url} (HTTP${options.production ? "" : " + GraphiQL"}), ${gateway.url.replace(/^http/, "ws")} (graphql-ws)`,
    });

    // A fresh database gets demo consents too, made through the gateway like any other.
    if ((options.seedDemoConsents ?? options.seedDemo) && party.seeded) {
      progress("adding demo consents through the gateway");
      if (!devLogin) throw new Error("Demo consents are made by demo people signing in, which needs the development login");
      await seedDemoConsents(gateway.url, devLogin);
    }

    if (options.serveWeb) {
      for (const [name, folder, port] of [
        ["citizen SPA", "web-citizen", options.ports.citizenWeb ?? 0],
        ["authority SPA", "web-authority", options.ports.authorityWeb ?? 0],
      ] as const) {
        const dir = `${ROOT}${folder}/dist`;
        if (!existsSync(`${dir}/index.html`)) throw new Error(`${folder} is not built: run npm run build:web`);
        const login = devLogin && { authorizeUrl: devLogin.authorizeUrl, tokenUrl: devLogin.tokenUrl, clientId: folder };
        const site = await serveSite({ dir, port, host: options.host, config: { gatewayUrl: gateway.url, login } });
        stops.push(site.close);
        appOrigins.push(new URL(site.url).origin);
        parts.push({ name, url: site.url });
        if (folder === "web-citizen") citizenAppUrl ??= site.url;
      }
    }
    return { gatewayUrl: gateway.url, databaseUrl, parts, logger, subgraphs: { party, template, consent }, gateway, devLogin, subgraphSecret, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
