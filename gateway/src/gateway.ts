import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createGatewayRuntime, Logger as HiveLogger } from "@graphql-hive/gateway-runtime";
import { PinoLogWriter } from "@graphql-hive/logger/writers/pino";
import type { GraphQLError } from "graphql";
import { createTokenVerifier, DomainError, envelopArmor, MAX_ANONYMOUS_REQUEST_BYTES, MAX_INPUT_DEPTH, MAX_REQUEST_BYTES, nestedDeeperThan, endServerSpan, METRICS_PATH, PartMetrics, serveInSpan, type Caller, REQUEST_ID_HEADER, requestIdOf, type IdentityOptions } from "@samtykke/server-kit";
import type { Logger } from "pino";
import { corsFor } from "./cors.js";
import { CallerLimits, callerLimitSettings, RATE_LIMITED, type CallerLimitOverrides } from "./caller-limits.js";
import { serveGraphqlOverWebSockets } from "./graphql-sockets.js";
import { askRuntime, isRegisterPath, serveRegister } from "./public-register.js";
import { inputTooDeep, refuse, TRUSTED_ONLY, upstreamUnavailable } from "./refusals.js";
import type { TrustedDocuments } from "./trusted-documents.js";
import { signSubgraphRequests } from "./subgraph-signature.js";
import { operationMetrics } from "./operation-metrics.js";
import { traceSubgraphCalls } from "./subgraph-tracing.js";

export interface StartGatewayOptions {
  /** The composed supergraph SDL (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Each subgraph's GraphQL URL by subgraph name; overrides the URLs in the supergraph. */
  subgraphUrls: Record<string, string>;
  port: number;
  host?: string;
  logger: Logger;
  production?: boolean;
  /** Where tokens come from. The gateway refuses a bad token at the door; the subgraphs check it again. */
  identity: IdentityOptions;
  /** Request rates and socket caps per caller; defaults in caller-limits.ts. */
  limits?: CallerLimitOverrides;
  /** The apps' operations by hash; the callers it names may run only those. */
  trustedDocuments?: TrustedDocuments;
  /**
   * The origins whose pages may call the gateway from a browser (the two apps); asked per request,
   * as the platform serves the apps after the gateway is up. Any other origin gets no CORS headers.
   */
  corsOrigins?: () => readonly string[];
  /** The secret every request to a subgraph is signed with (HMAC-SHA256); the subgraphs answer only those. */
  subgraphSecret?: string | null;
  /** A Redis that every gateway instance counts callers' limits in; without one each counts its own. */
  redisUrl?: string;
  /** Set, `/metrics` answers only a scraper that sends it as a bearer token. */
  metricsToken?: string;
}


export type { TrustedDocuments };

export interface RunningGateway {
  url: string;
  port: number;
  /** graphql-ws sockets open now. */
  openSockets(): number;
  close(): Promise<void>;
}

const GRAPHQL_PATH = "/graphql";
// Set by the gateway itself on every request once the caller is known; a caller's own value is overwritten.
const ARBITRARY_DOCUMENTS_HEADER = "x-samtykke-arbitrary-documents";

const JWKS_PATH = "/.well-known/jwks.json";
// The runtime's own check only knows whether the supergraph is loaded; /readiness adds the subgraphs.
const RUNTIME_READINESS_PATH = "/_runtime/readiness";

// How long a stopping gateway waits for the requests it has taken before cutting them off; inside
// Kubernetes' default 30 s between SIGTERM and SIGKILL.
const SHUTDOWN_GRACE_MS = 10_000;

// A body over the limit but under this is read and dropped before the 413, so the caller sees it; past it, the connection is cut.
const MAX_DRAINED_BYTES = 64 * 1024 * 1024;

const tooLargeMessage = (limit: number) => {
  const megabytes = Math.round(limit / 2 ** 20);
  return {
    da: `Forespørgslen er for stor: højst ${megabytes} MB${limit === MAX_ANONYMOUS_REQUEST_BYTES ? " uden login" : ""}.`,
    en: `The request is too large: at most ${megabytes} MB${limit === MAX_ANONYMOUS_REQUEST_BYTES ? " without signing in" : ""}.`,
  };
};

/** Refuses, before it is forwarded, a request whose variables nest deeper than any input of the API. */
const inputDepthLimit = {
  onParams({ params, setResult }: { params: { variables?: unknown }; setResult: (result: { errors: GraphQLError[] }) => void }) {
    if (nestedDeeperThan(params.variables, MAX_INPUT_DEPTH)) setResult({ errors: [inputTooDeep()] });
  },
};



async function subgraphReady(graphqlUrl: string): Promise<boolean> {
  try {
    const response = await fetch(new URL("/readiness", graphqlUrl), { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Serves the supergraph over HTTP and graphql-ws on one `/graphql`. Subscriptions go to the consent
 * subgraph over graphql-ws; their events' other fields are resolved from the other subgraphs.
 */
export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const { logger, subgraphUrls } = options;
  const verifyToken = createTokenVerifier(options.identity);
  const metrics = new PartMetrics("gateway");
  const refused = metrics.counter("samtykke_rate_limited_total", "Requests, sockets and subscriptions refused for being over a caller's limit", ["limit", "caller"]);
  const limits = new CallerLimits(callerLimitSettings(options.limits), options.redisUrl ? { redisUrl: options.redisUrl, logger } : undefined);
  // Without trusted documents every caller sends text; a hash alone is then answered as unknown, so a
  // client that tried it sends the text.
  const trusted = options.trustedDocuments ?? { documents: {}, requiredFor: [] };
  const mayRunOwnDocuments = (caller: Caller) => !trusted.requiredFor.includes(caller.kind);
  // The caller's token goes on to every subgraph (a header over HTTP, connectionParams over
  // graphql-ws), so each subgraph decides for itself what this caller may see and do.
  const forwardedToken = [["authorization", "{context.headers.authorization}"]];
  // Merging identical subgraph requests in flight deep-copies every answer of every query to share
  // it (a tenth of the gateway's CPU on a citizen's overview), and the requests it could merge are
  // one caller's own duplicates: every request carries its caller's token.
  const httpOptions = { deduplicateInflightRequests: false };
  const transportEntries = Object.fromEntries(
    Object.entries(subgraphUrls).map(([name, location]) => [
      name,
      name === "consent"
        ? {
            location,
            headers: forwardedToken,
            options: {
              ...httpOptions,
              subscriptions: { kind: "ws", location: GRAPHQL_PATH, options: { connectionParams: { authorization: "{context.headers.authorization}" } } },
            },
          }
        : { location, headers: forwardedToken, options: httpOptions },
    ]),
  );
  const runtime = createGatewayRuntime({
    supergraph: options.supergraphSdl,
    transportEntries: transportEntries as never,
    graphqlEndpoint: GRAPHQL_PATH,
    graphiql: !options.production,
    landingPage: false,
    batching: false,
    cors: corsFor(options.corsOrigins ?? (() => [])) as never,
    plugins: () => [...envelopArmor(Boolean(options.production)), inputDepthLimit, operationMetrics(metrics), traceSubgraphCalls(), upstreamUnavailable(), ...(options.subgraphSecret ? [signSubgraphRequests(options.subgraphSecret)] : [])] as never[],
    disableIntrospection: options.production ? { disableIf: () => true } : undefined,
    readinessCheckEndpoint: RUNTIME_READINESS_PATH,
    persistedDocuments: {
      getPersistedOperation: (hash: string) => trusted.documents[hash] ?? null,
      // Over HTTP the gateway marked the request once it knew the caller. Over graphql-ws there is no
      // request here: the socket's onSubscribe has already refused a text its caller may not send.
      allowArbitraryDocuments: (request: Request | undefined) => !request || request.headers.get(ARBITRARY_DOCUMENTS_HEADER) === "yes",
      customErrors: {
        // The words Apollo Client's persisted-query link looks for before it sends the full document.
        notFound: { message: "PersistedQueryNotFound", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } },
        persistedQueryOnly: { message: TRUSTED_ONLY.en, extensions: { code: "PERSISTED_QUERY_ONLY", message: TRUSTED_ONLY } },
      },
    },
    requestId: { headerName: REQUEST_ID_HEADER },
    logging: new HiveLogger({ level: logger.level === "silent" ? false : "info", writers: [new PinoLogWriter(logger)] }),
  });

  // The runtime disposes itself on SIGTERM and SIGINT at once, failing every operation in flight with
  // SHUTTING_DOWN (its server adapter's `disposeOnProcessTerminate`, which it always sets); whoever
  // runs the gateway stops it in order instead (`close`). Asking for its disposable stack registers
  // those handlers now, so they can be taken off.
  void runtime.disposableStack;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    for (const listener of process.listeners(signal)) if (listener.name === "terminateHandler") process.removeListener(signal, listener);
  }

  // `expectsContinue`: the caller sent `Expect: 100-continue` and waits to be told to send its body.
  const serve = async (request: IncomingMessage, response: ServerResponse, expectsContinue = false) => {
    if (request.url === "/readiness") {
      const checks = await Promise.all([
        Promise.resolve(runtime.fetch(`http://localhost${RUNTIME_READINESS_PATH}`)).then((r: Response) => r.ok, () => false),
        ...Object.values(subgraphUrls).map(subgraphReady),
      ]);
      response.writeHead(checks.every(Boolean) ? 200 : 503).end();
      return;
    }
    if (request.url === METRICS_PATH && request.method === "GET") {
      await metrics.serve(request, response, options.metricsToken);
      return;
    }
    // The keys that seal consent documents, published where anyone verifying one looks first.
    if (request.url === JWKS_PATH && subgraphUrls.consent) {
      try {
        const upstream = await fetch(new URL(JWKS_PATH, subgraphUrls.consent), { signal: AbortSignal.timeout(2_000) });
        response.writeHead(upstream.status, { "content-type": "application/json", "cache-control": "public, max-age=300" }).end(await upstream.text());
      } catch {
        response.writeHead(503).end();
      }
      return;
    }
    // One id per request, the caller's if it sent a sane one: the runtime forwards it to every
    // subgraph, so one operation can be followed through all the logs.
    const requestId = requestIdOf(request.headers);
    request.headers[REQUEST_ID_HEADER] = requestId;
    let caller: Caller;
    try {
      caller = await verifyToken(request.headers.authorization);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refuse(response, 401, { message: error.messages.en, extensions: { code: error.code, message: error.messages } }, { "www-authenticate": 'Bearer error="invalid_token"' });
      return;
    }
    // The runtime reads the body itself; the declared length is what can be checked before it does.
    if (request.method === "POST") {
      const length = Number(request.headers["content-length"]);
      const limit = caller.kind === "anonymous" ? MAX_ANONYMOUS_REQUEST_BYTES : MAX_REQUEST_BYTES;
      if (!request.headers["content-length"] || !Number.isFinite(length) || length > limit) {
        const tooLarge = Boolean(request.headers["content-length"]);
        // Answered while the caller is still sending, most clients report a broken connection and
        // never show the 413: the body is read and dropped first, up to a bound.
        const answer = () =>
          refuse(
            response,
            tooLarge ? 413 : 411,
            tooLarge
              ? { message: "Request body too large", extensions: { code: "PAYLOAD_TOO_LARGE", message: tooLargeMessage(limit) } }
              : { message: "Content-Length required", extensions: { code: "LENGTH_REQUIRED" } },
            { connection: "close" },
          );
        // A caller that waits for "100 Continue" is answered before it sends anything.
        if (tooLarge && !expectsContinue && length <= MAX_DRAINED_BYTES) {
          request.once("end", answer).once("error", () => request.socket.destroy()).resume();
        } else {
          answer();
        }
        return;
      }
    }
    // A CORS preflight runs no operation and carries no token: counted, it would spend the
    // anonymous limit of an address that many signed-in caseworkers share.
    request.headers[ARBITRARY_DOCUMENTS_HEADER] = mayRunOwnDocuments(caller) ? "yes" : "no";
    const path = request.url?.split("?")[0];
    const register = request.method === "GET" && isRegisterPath(path);
    if ((path === GRAPHQL_PATH && request.method !== "OPTIONS") || register) {
      const retryAfter = await limits.takeRequest(caller, request.socket.remoteAddress ?? "unknown");
      if (retryAfter !== null) {
        refused.inc({ limit: "requests", caller: caller.kind });
        refuse(response, 429, { message: RATE_LIMITED.en, extensions: { code: "RATE_LIMITED", message: RATE_LIMITED, retryAfterSeconds: retryAfter } }, { "retry-after": String(retryAfter) });
        return;
      }
    }
    if (register) {
      // The public register's JSON-LD: asked of the supergraph as nobody, whoever the caller is.
      await serveRegister(path!, response, askRuntime(runtime, `http://localhost${GRAPHQL_PATH}`, { [ARBITRARY_DOCUMENTS_HEADER]: "yes", [REQUEST_ID_HEADER]: requestId })).catch(() => {
        if (!response.headersSent) response.writeHead(503).end();
      });
      return;
    }
    const started = performance.now();
    response.once("finish", () => {
      logger.info(
        { requestId, method: request.method, path: request.url?.split("?")[0], status: response.statusCode, durationMs: Math.round(performance.now() - started) },
        "request",
      );
    });
    if (expectsContinue) response.writeContinue();
    // One trace per request, continuing the caller's; the runtime's calls to the subgraphs carry it on.
    serveInSpan(`${request.method} ${GRAPHQL_PATH}`, request.headers, { "http.request.method": request.method ?? "", "url.path": GRAPHQL_PATH, "samtykke.part": "gateway", "samtykke.request_id": requestId }, (span) => {
      response.once("finish", () => endServerSpan(span, response.statusCode));
      runtime(request, response);
    });
  };
  const server: Server = createServer(serve);
  // Node would say "100 Continue" to every such caller before the gateway could look at the size,
  // and a 30 MB upload then met a 413 and a closed connection halfway (curl: a broken pipe).
  server.on("checkContinue", (request, response) => void serve(request, response, true));

  const sockets = serveGraphqlOverWebSockets({ server, path: GRAPHQL_PATH, runtime, verifyToken, limits, trusted, mayRunOwnDocuments, refused });
  metrics.gauge("samtykke_graphql_ws_sockets", "graphql-ws sockets open now", [], (gauge) => gauge.set(sockets.open()));
  metrics.gauge("samtykke_subscriptions", "GraphQL subscriptions running now", [], (gauge) => gauge.set(sockets.subscriptions()));

  // The runtime loads the supergraph on its first HTTP request; a subscriber arriving first over
  // graphql-ws found no schema ("Expected null to be a GraphQL schema"). Load it before listening.
  await runtime.getSchema();
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1"}:${port}${GRAPHQL_PATH}`;
  logger.info({ url }, "gateway listening");
  return {
    url,
    port,
    openSockets: sockets.open,
    // A rollout's SIGTERM: no new connection is taken, what is arriving or running is finished (up to
    // a grace, then cut), keep-alive connections close as they fall idle, sockets are told to reconnect.
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const closeIdle = setInterval(() => server.closeIdleConnections(), 100);
      server.closeIdleConnections();
      const cutOff = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await sockets.close();
      await closed;
      clearInterval(closeIdle);
      clearTimeout(cutOff);
      await runtime[Symbol.asyncDispose]();
      await limits.close();
    },
  };
}
