import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { inject } from "vitest";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import type { SealKey } from "@samtykke/consent";
import type { CallerLimitOverrides } from "@samtykke/gateway";
import { startPlatform, type Platform } from "@samtykke/platform";
import { DEVELOPMENT_CPR_KEY } from "@samtykke/party";
import { startDevLogin } from "@samtykke/dev-login";
import { AssuranceLevel, createLogger, DEMO, signedAsGateway as signedBody } from "@samtykke/server-kit";
import { dropSubgraphDatabases, uniqueDatabaseServerUrl } from "@samtykke/server-kit/testing";

export interface GraphQLResult<T = any> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

/** Someone calling the gateway: anonymous, or signed in with a token of the development login. */
export interface Caller {
  token: string | null;
  /** POSTs an operation to the gateway, as any client would. */
  graphql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResult<T>>;
  /** A graphql-ws client on the gateway's /graphql with the token in connectionParams; closed with the platform. */
  wsClient(): Client;
}

export type DemoAuthority = "odense" | "skattestyrelsen";

export interface TestPlatform extends Platform, Caller {
  /** Every JSON log line the parts wrote, parsed. */
  logLines: Record<string, any>[];
  /**
   * A citizen as after a MitID signing step (NSIS substantial unless told): everything a citizen may
   * do, giving included. `{ signing: false }` is a plain login, which cannot give.
   */
  citizen(cpr: string, level?: AssuranceLevel, options?: { signing?: boolean }): Promise<Caller>;
  /** The demo caseworker of an authority, signed in. */
  caseworker(authority: DemoAuthority, level?: AssuranceLevel): Promise<Caller>;
  /** The demo case system of an authority, with a client-credentials token. */
  caseSystem(authority: DemoAuthority): Promise<Caller>;
  /** One of the platform's own clients (the person register's adapter, say), not a person nor an authority. */
  platformClient(clientId?: string): Promise<Caller>;
  /** A caller with this exact Authorization token (a forged or expired one, say). */
  withToken(token: string | null): Caller;
}

/** The whole platform on fresh databases and free ports, stopped and dropped after the file. */
export async function startTestPlatform(
  options: {
    serveWeb?: boolean;
    consentClock?: { now: () => Date; dueCheckIntervalMs: number };
    gatewayLimits?: CallerLimitOverrides;
    /** Set, every part's `/metrics` answers only a scraper that sends it. */
    metricsToken?: string;
    /** As in production: the development login then runs apart, as any OpenID Connect provider would. */
    production?: boolean;
    /** The keys that seal consent documents (the first seals); one fresh key when not given. */
    sealKeys?: SealKey[];
    /** Where the consent subgraph anchors the audit log's head, and how often (none: no anchors). */
    auditAnchor?: { file: string; intervalMs?: number };
    /** How long subscribers wait without a wake-up before reading the event log anyway. */
    consentEventPollMs?: number;
    /** How often the consent subgraph works on re-consent campaigns. */
    consentCampaignIntervalMs?: number;
    /** How long the development login's tokens live (seconds). */
    tokenLifetimeSeconds?: number;
    /** The citizen app's public address, which letters link to. */
    citizenAppUrl?: string;
  } = {},
): Promise<TestPlatform> {
  const serverUrl = uniqueDatabaseServerUrl(inject("databaseServerUrl"));
  const logLines: Record<string, any>[] = [];
  const logDestination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line.trim()) logLines.push(JSON.parse(line));
      done();
    },
  });
  const externalLogin = options.production ? await startDevLogin({ port: 0, logger: createLogger("dev-login", "silent") }) : undefined;
  const platform = await startPlatform({
    databaseUrl: serverUrl,
    ports: { gateway: 0, party: 0, template: 0, consent: 0 },
    identity: externalLogin?.identity ?? "dev-login",
    production: options.production,
    // Production insists on a master key of its own for stored secrets.
    consentSecretKey: options.production ? randomBytes(32).toString("hex") : undefined,
    seedDemo: true,
    seedDemoConsents: false,
    serveWeb: options.serveWeb ?? false,
    citizenAppUrl: options.citizenAppUrl,
    consentClock: options.consentClock,
    gatewayLimits: options.gatewayLimits,
    metricsToken: options.metricsToken,
    sealKeys: options.sealKeys,
    auditAnchor: options.auditAnchor,
    consentEventPollMs: options.consentEventPollMs,
    consentCampaignIntervalMs: options.consentCampaignIntervalMs,
    devLoginTokenLifetimeSeconds: options.tokenLifetimeSeconds,
    cprKey: DEVELOPMENT_CPR_KEY,
    logLevel: "info",
    logDestination: logDestination as never,
  });
  const clients: Client[] = [];
  const login = externalLogin ?? platform.devLogin!;
  const withToken = (token: string | null): Caller => ({
    token,
    async graphql(query, variables, headers) {
      const response = await fetch(platform.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    wsClient() {
      const client = createClient({
        url: platform.gatewayUrl.replace(/^http/, "ws"),
        webSocketImpl: WebSocket,
        lazy: true,
        retryAttempts: 0,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      });
      clients.push(client);
      return client;
    },
  });
  const staff = (authority: DemoAuthority) => DEMO.staff.find((member) => member.authority === DEMO.authorities[authority])!;
  return {
    ...platform,
    ...withToken(null),
    logLines,
    withToken,
    citizen: async (cpr, level, { signing = true } = {}) => withToken(await login.issue({ role: "citizen", cpr, level, signing })),
    caseworker: async (authority, level) =>
      withToken(await login.issue({ role: "caseworker", caseworkerId: staff(authority).caseworker, authorityId: DEMO.authorities[authority], level })),
    caseSystem: async (authority) =>
      withToken(await login.issue({ role: "system", caseSystemId: DEMO.caseSystems[authority], authorityId: DEMO.authorities[authority] })),
    platformClient: async (clientId = "person-register") => withToken(await login.issue({ role: "platform", clientId })),
    async stop() {
      await Promise.all(clients.map((client) => client.dispose()));
      await platform.stop();
      await externalLogin?.close();
      await dropSubgraphDatabases(serverUrl, ["party", "template", "consent"]);
    },
  };
}

/** Collects a subscription's events; `next(n)` waits until n have arrived. */
/**
 * A request body as the gateway sends it to a subgraph, signed with the platform's subgraph secret:
 * how a test reaches a subgraph straight to try the subgraph's own rules (tokens, limits), which
 * would otherwise never be reached.
 */
export function signedAsGateway(platform: Pick<Platform, "subgraphSecret">, body: { query: string; variables?: Record<string, unknown> }) {
  return signedBody(platform.subgraphSecret, body);
}

export function collect<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const events: GraphQLResult<T>[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let failure: unknown;
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        events.push(value as GraphQLResult<T>);
        for (const waiter of waiters.filter((w) => events.length >= w.count)) waiter.resolve();
      },
      error: (error) => {
        // A closed socket arrives as a CloseEvent, which JSON cannot show.
        const closed = error as { code?: number; reason?: string };
        failure = typeof closed?.code === "number" ? `socket closed ${closed.code} ${closed.reason ?? ""}` : error;
      },
      complete: () => {},
    },
  );
  return {
    events,
    unsubscribe,
    async next(count: number, timeoutMs = 10_000): Promise<GraphQLResult<T>[]> {
      if (events.length < count) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`expected ${count} events, got ${events.length}${failure ? `; error: ${JSON.stringify(failure)}` : ""}`)),
            timeoutMs,
          );
          waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
        });
      }
      return events.slice(0, count);
    },
  };
}

/** The texts every template must have besides title and purpose, for tests that draft their own. */
export const TEMPLATE_TEXTS = {
  dataCovered: { da: "Dine skatteoplysninger", en: "Your tax data" },
  partiesCovered: { da: "Skattestyrelsen", en: "The Danish Tax Agency" },
  consequencesOfYes: { da: "Vi kan behandle sagen", en: "We can process the case" },
  consequencesOfNo: { da: "Sagen tager længere tid", en: "The case takes longer" },
  howToWithdraw: { da: "Under Mine samtykker", en: "Under My consents" },
};

/** Answers a consent's choices as a citizen ticking every box would: reads the choices it shows, then answers each. */
export async function yesToEveryChoice(citizen: Caller, consentId: string) {
  const result = await citizen.graphql(`query($id: ID!) { consent(id: $id) { choices { key kind } } }`, { id: consentId });
  return (result.data.consent.choices as { key: string; kind: string }[]).map(({ key, kind }) =>
    kind === "CHECKBOX" ? { key, checked: true } : { key, text: "" },
  );
}

/** Gives a requested consent as this citizen, answering yes to every choice. */
export async function giveWithYesToAll(citizen: Caller, consentId: string, selection = "id status") {
  return citizen.graphql(`mutation($id: ID!, $answers: [ChoiceAnswerInput!]!) { giveConsent(id: $id, answers: $answers) { ${selection} } }`, {
    id: consentId,
    answers: await yesToEveryChoice(citizen, consentId),
  });
}
