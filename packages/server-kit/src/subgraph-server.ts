import { errorCodesOf, METRICS_PATH, PartMetrics } from "./metrics.js";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { trace } from "@opentelemetry/api";
import { endServerSpan, serveInSpan } from "./tracing.js";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { EntityManager, MikroORM } from "@mikro-orm/postgresql";
import type { GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { Logger } from "pino";
import { WebSocketServer } from "ws";
import { GraphQLError, Kind, parse, specifiedRules, validate, type OperationDefinitionNode } from "graphql";
import { createErrorFormatter, DomainError, ForbiddenError } from "./errors.js";
import { apolloArmor, INPUT_TOO_DEEP, MAX_INPUT_DEPTH, nestedDeeperThan } from "./hardening.js";
import { inputProblem, inputProblemError } from "./input-checks.js";
import { NOT_FROM_GATEWAY, signedByGateway } from "./gateway-signature.js";
import type { Caller, TokenVerifier } from "./identity.js";
import { closeWebSockets } from "./websockets.js";

/** What every resolver receives: its own unit of work, the request id, a logger that carries it, and who is calling. */
export interface SubgraphContext {
  em: EntityManager;
  requestId: string;
  logger: Logger;
  caller: Caller;
  /** The caller's own `Authorization` header, for calls made through the supergraph on their behalf. */
  authorization: string | null;
}

export interface SubgraphServerOptions<TContext extends SubgraphContext> {
  name: string;
  schema: GraphQLSchema;
  orm: MikroORM;
  logger: Logger;
  port: number;
  host?: string;
  /** Serve graphql-ws on the same `/graphql` path (the consent subgraph's subscriptions). */
  subscriptions?: boolean;
  /** Checks the caller's token; every operation, `_entities` included, sees the caller it yields. */
  verifyToken: TokenVerifier;
  /** Adds a subgraph's own services to the base context. */
  extendContext?: (base: SubgraphContext) => TContext;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  production?: boolean;
  /** Plain HTTP GET routes next to `/graphql` (the consent subgraph's public keys). */
  routes?: Record<string, () => unknown>;
  /**
   * The secret the gateway signs every request with (`SUBGRAPH_SECRET`); set, `/graphql` answers
   * only requests it signed, over HTTP and graphql-ws. Unset only outside production.
   */
  gatewaySecret?: string | null;
  /** Set, `/metrics` answers only a scraper that sends it as a bearer token. */
  metricsToken?: string;
}

/**
 * The most representations one `_entities` call may carry. The gateway asks for at most a page of
 * 100 consents' citizens, authorities, templates and the actors in their histories at once.
 */
export const MAX_REPRESENTATIONS = 1_000;

const TOO_MANY_REPRESENTATIONS = {
  da: `Forespørgslen beder om for mange objekter på én gang (højst ${MAX_REPRESENTATIONS}).`,
  en: `The request asks for too many objects at once (at most ${MAX_REPRESENTATIONS}).`,
};

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  /** Served on `/metrics`; a part adds its own series. */
  metrics: PartMetrics;
  close(): Promise<void>;
}

export const REQUEST_ID_HEADER = "x-request-id";
const GRAPHQL_PATH = "/graphql";

/** The caller's request id when it is a sane one, else a new one; the gateway and subgraphs agree on it. */
export function requestIdOf(headers: IncomingMessage["headers"]): string {
  const given = headers[REQUEST_ID_HEADER];
  const value = Array.isArray(given) ? given[0] : given;
  return value && /^[\w.:-]{1,128}$/.test(value) ? value : randomUUID();
}

function authorizationFrom(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

class PayloadTooLargeError extends Error {}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new PayloadTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Refuses, before any resolver runs, an id that is not a UUID and a text that cannot be stored (input-checks.ts). */
function inputChecks(): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          const problem = operation ? inputProblem(schema, document, operation, request.variables) : null;
          if (problem) throw inputProblemError(problem);
        },
      };
    },
  };
}

function operationLogging(metrics: PartMetrics): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart({ contextValue, request }) {
      const started = performance.now();
      return {
        async willSendResponse({ errors, operationName, response }) {
          const durationMs = performance.now() - started;
          if (operationName) trace.getActiveSpan()?.setAttribute("graphql.operation.name", operationName);
          // The answer's errors as the caller sees them, codes mapped from the domain's errors.
          const answered = response.body.kind === "single" ? response.body.singleResult.errors : errors;
          metrics.observeOperation(operationName ?? request.operationName, durationMs / 1000, errorCodesOf(answered as never));
          contextValue.logger.info(
            {
              operationName: request.operationName ?? null,
              durationMs: Math.round(durationMs),
              errors: errors?.length ?? 0,
            },
            "graphql operation",
          );
        },
      };
    },
  };
}

/**
 * Serves one subgraph: Apollo Server over HTTP on `/graphql` (plus graphql-ws on the same path when
 * asked), `/healthcheck` while the process lives and `/readiness` while its database answers.
 */
export async function startSubgraphServer<TContext extends SubgraphContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<RunningSubgraph> {
  const { orm, logger, schema } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const httpServer: Server = createServer();
  const extend = options.extendContext ?? ((base: SubgraphContext) => base as TContext);
  const contextFor = (headers: IncomingMessage["headers"], caller: Caller, authorization: string | null): TContext => {
    const requestId = requestIdOf(headers);
    return extend({ em: orm.em.fork(), requestId, logger: logger.child({ requestId }), caller, authorization });
  };
  const identify = async (authorization: string | null): Promise<Caller> => {
    try {
      return await options.verifyToken(authorization);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw new GraphQLError(error.messages.en, { originalError: error, extensions: { code: error.code, http: { status: 401 } } });
    }
  };

  const formatError = createErrorFormatter(logger);
  const metrics = new PartMetrics(options.name);
  metrics.watchDatabasePool(orm);
  const armor = apolloArmor(Boolean(options.production));
  let closeSubscriptions: (() => Promise<void>) | undefined;
  if (options.subscriptions) {
    const wss = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH, maxPayload: maxBodyBytes });
    const connections = new Set<{ subscriptions: Record<string, unknown> }>();
    metrics.gauge("samtykke_subscriptions", "GraphQL subscriptions running now", [], (gauge) => {
      let running = 0;
      for (const connection of connections) running += Object.keys(connection.subscriptions).length;
      gauge.set(running);
    });
    const graphqlWs = useServer(
      {
        schema,
        // The same limits as over HTTP: a subscription straight to this subgraph is validated alike.
        validate: (wsSchema, document) => validate(wsSchema, document, [...specifiedRules, ...armor.validationRules]),
        // A socket is identified once, when it opens: a bad token closes it before any subscription.
        onConnect: async (ctx) => {
          const authorization = authorizationFrom(ctx.connectionParams?.authorization);
          try {
            (ctx.extra as { caller?: Caller }).caller = await options.verifyToken(authorization);
            (ctx.extra as { authorization?: string | null }).authorization = authorization;
            connections.add(ctx);
            return true;
          } catch {
            return false;
          }
        },
        context: (ctx) => {
          const extra = ctx.extra as typeof ctx.extra & { caller: Caller; authorization: string | null };
          return contextFor(extra.request.headers, extra.caller, extra.authorization);
        },
        // The same checks as over HTTP, once the subscription's text is known.
        onSubscribe: (_ctx, _id, payload) => {
          if (options.gatewaySecret && !signedByGateway(options.gatewaySecret, payload)) {
            return [new GraphQLError(NOT_FROM_GATEWAY.en, { originalError: new ForbiddenError(NOT_FROM_GATEWAY, { reason: "NOT_FROM_GATEWAY" }) })];
          }
          let document;
          try {
            document = parse(payload.query);
          } catch {
            return undefined;
          }
          const operation = document.definitions.find(
            (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION && (!payload.operationName || definition.name?.value === payload.operationName),
          );
          const problem = operation ? inputProblem(schema, document, operation, payload.variables ?? undefined) : null;
          return problem ? [inputProblemError(problem)] : undefined;
        },
        onClose: (ctx) => void connections.delete(ctx),
        // Apollo Server formats HTTP responses; subscriptions need the same mapper applied here.
        onNext: (_ctx, _id, _payload, _args, result) =>
          result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : undefined,
        onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
      },
      wss,
    );
    closeSubscriptions = async () => {
      await closeWebSockets(wss);
      await graphqlWs.dispose();
    };
  }

  const apollo = new ApolloServer<TContext>({
    schema,
    validationRules: armor.validationRules,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !options.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Apollo indents every answer by default; the gateway reads them, not people, and a list of 100
    // consents came out a third larger, written and parsed again on every hop.
    stringifyResult: (result) => JSON.stringify(result),
    // Whoever runs the subgraph stops it (runAlone, the platform); Apollo's own SIGINT handler
    // raced that shutdown and left it hanging.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Traces are for Apollo Studio, which the platform does not report to.
      ApolloServerPluginInlineTraceDisabled(),
      // No answer carries cache hints (the gateway caches nothing), and the plugin wraps every field's
      // resolver to collect them: a fifth of the subgraph's CPU on a list of 100 consents.
      ApolloServerPluginCacheControlDisabled(),
      operationLogging(metrics) as ApolloServerPlugin<TContext>,
      inputChecks() as ApolloServerPlugin<TContext>,
      ...(armor.plugins as ApolloServerPlugin<TContext>[]),
      ...(closeSubscriptions
        ? [{ async serverWillStart() { return { drainServer: closeSubscriptions! }; } }]
        : []),
    ],
  });
  await apollo.start();

  httpServer.on("request", (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname !== GRAPHQL_PATH) return void handle(request, response, url);
    // Continues the trace of the gateway's request (its `traceparent`); the queries it runs are children.
    serveInSpan(`${request.method} ${GRAPHQL_PATH}`, request.headers, { "http.request.method": request.method ?? "", "url.path": GRAPHQL_PATH, "samtykke.part": options.name }, (span) => {
      response.once("finish", () => endServerSpan(span, response.statusCode));
      void handle(request, response, url);
    });
  });
  const handle = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    try {
      if (url.pathname === "/healthcheck") {
        response.writeHead(200).end();
        return;
      }
      if (url.pathname === "/readiness") {
        const ready = await orm.isConnected();
        response.writeHead(ready ? 200 : 503).end();
        return;
      }
      if (url.pathname === METRICS_PATH && request.method === "GET") {
        await metrics.serve(request, response, options.metricsToken);
        return;
      }
      const route = options.routes?.[url.pathname];
      if (route && request.method === "GET") {
        response.writeHead(200, { "content-type": "application/json", "cache-control": "public, max-age=300" }).end(JSON.stringify(route()));
        return;
      }
      if (url.pathname !== GRAPHQL_PATH) {
        response.writeHead(404).end();
        return;
      }
      const rawBody = request.method === "POST" ? await readBody(request, maxBodyBytes) : "";
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
      }
      let body: unknown = rawBody;
      if (rawBody && headers.get("content-type")?.includes("application/json")) {
        try {
          body = JSON.parse(rawBody);
        } catch {
          response.writeHead(400, { "content-type": "application/json" });
          response.end(JSON.stringify({ errors: [{ message: "Request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] }));
          return;
        }
      }
      const params = (body && typeof body === "object" ? body : {}) as { query?: unknown; variables?: unknown; extensions?: unknown };
      const refuse = (status: number, message: { da: string; en: string }, extensions: Record<string, unknown>) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify({ errors: [{ message: message.en, extensions: { ...extensions, message } }] }));
      };
      // Before Apollo walks the variables (recursively): a value thousands deep overflowed the stack.
      if (nestedDeeperThan(params.variables, MAX_INPUT_DEPTH)) {
        refuse(400, INPUT_TOO_DEEP, { code: "BAD_USER_INPUT" });
        return;
      }
      // Only the gateway counts each caller's requests and refuses what they may not send; a request
      // that did not come through it is refused before anything else is read.
      if (options.gatewaySecret && (request.method !== "POST" || !signedByGateway(options.gatewaySecret, params))) {
        refuse(403, NOT_FROM_GATEWAY, { code: "FORBIDDEN", reason: "NOT_FROM_GATEWAY" });
        return;
      }
      const representations = (params.variables as { representations?: unknown } | null | undefined)?.representations;
      if (Array.isArray(representations) && representations.length > MAX_REPRESENTATIONS) {
        refuse(400, TOO_MANY_REPRESENTATIONS, { code: "BAD_USER_INPUT" });
        return;
      }
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? "GET", headers, search: url.search, body },
        context: async () => {
          const authorization = authorizationFrom(request.headers.authorization);
          return contextFor(request.headers, await identify(authorization), authorization);
        },
      });
      for (const [key, value] of result.headers) response.setHeader(key, value);
      response.statusCode = result.status ?? 200;
      if (result.body.kind === "complete") {
        response.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) response.write(chunk);
        response.end();
      }
    } catch (error) {
      if (error instanceof PayloadTooLargeError) {
        response.writeHead(413, { "content-type": "application/json" });
        response.end(JSON.stringify({ errors: [{ message: "Request body too large", extensions: { code: "PAYLOAD_TOO_LARGE" } }] }));
        return;
      }
      logger.error({ err: error }, "request failed");
      if (!response.headersSent) response.writeHead(500);
      response.end();
    }
  };

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? "127.0.0.1", resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1"}:${port}${GRAPHQL_PATH}`;
  logger.info({ url }, `${options.name} subgraph listening`);
  return {
    name: options.name,
    url,
    port,
    metrics,
    close: async () => {
      await apollo.stop();
    },
  };
}

