import type { Server } from "node:http";
import { getGraphQLWSOptions, type createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import { GraphQLError } from "graphql";
import { useServer, type Extra } from "graphql-ws/use/ws";
import { decodeJwt } from "jose";
import type { Counter } from "prom-client";
import { WebSocketServer } from "ws";
import { closeWebSockets, MAX_INPUT_DEPTH, nestedDeeperThan, type Caller } from "@samtykke/server-kit";
import { callerKey, RATE_LIMITED, type CallerLimits } from "./caller-limits.js";
import { inputTooDeep, TRUSTED_ONLY } from "./refusals.js";
import type { TrustedDocuments } from "./trusted-documents.js";

// setTimeout holds at most about 24.8 days; a token living longer is checked again then.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** When a verified bearer token stops being valid (its `exp`), in ms; null for none. */
function tokenExpiry(authorization: unknown): number | null {
  if (typeof authorization !== "string" || !authorization.trim()) return null;
  const { exp } = decodeJwt(authorization.trim().replace(/^Bearer\s+/i, ""));
  return typeof exp === "number" ? exp * 1000 : null;
}

const UPSTREAM_LOST = {
  da: "Forbindelsen til samtykketjenesten blev afbrudt. Abonnér igen fra den sidste markør (cursor), så mister du intet.",
  en: "The connection to the consent service was lost. Subscribe again from the last cursor you saw and you miss nothing.",
};

/**
 * The one token a graphql-ws socket speaks with: `connectionParams.authorization`, as browsers send
 * it, else the upgrade request's `Authorization` header, as other clients may. The runtime passes
 * on the header and the params merged, so both are set to this token (or both cleared): the token
 * the gateway verified, counted and will close the socket on is the only one a subgraph sees.
 */
function socketAuthorization(ctx: { connectionParams?: Readonly<Record<string, unknown>>; extra: Extra }): string | null {
  const fromParams = ctx.connectionParams?.authorization;
  const fromUpgrade = ctx.extra.request.headers.authorization;
  const token = typeof fromParams === "string" && fromParams.trim() ? fromParams : fromUpgrade?.trim() ? fromUpgrade : null;
  const params = { ...ctx.connectionParams };
  if (token) {
    ctx.extra.request.headers.authorization = token;
    params.authorization = token;
  } else {
    delete ctx.extra.request.headers.authorization;
    delete params.authorization;
  }
  (ctx as { connectionParams?: Record<string, unknown> }).connectionParams = params;
  return token;
}

interface SocketOptions {
  server: Server;
  path: string;
  runtime: ReturnType<typeof createGatewayRuntime>;
  verifyToken: (authorization: string | null | undefined) => Promise<Caller>;
  limits: CallerLimits;
  trusted: TrustedDocuments;
  mayRunOwnDocuments: (caller: Caller) => boolean;
  /** Counts what is refused for being over a caller's limit. */
  refused: Counter<"limit" | "caller">;
}

/**
 * Subscriptions over graphql-ws on the gateway's `/graphql`: each socket's token verified and
 * counted against its caller's share, closed when the token expires, the documents it may run
 * checked as over HTTP; the runtime sends each subscription on to the consent subgraph.
 */
export function serveGraphqlOverWebSockets({ server, path, runtime, verifyToken, limits, trusted, mayRunOwnDocuments, refused }: SocketOptions) {
  // Subscription messages are small; a socket gets no room for a scan-sized frame.
  const wss = new WebSocketServer({ server, path, maxPayload: 1024 * 1024 });
  const wsOptions = getGraphQLWSOptions<Record<string, unknown>, Extra>(runtime, (ctx) => ({ req: ctx.extra?.request, socket: ctx.extra?.socket }));
  const socketOwners = new WeakMap<object, { key: string; handle: string }>();
  const socketCallers = new WeakMap<object, Caller>();
  const socketExpiry = new WeakMap<object, NodeJS.Timeout>();
  const connections = new Set<{ subscriptions: Record<string, unknown> }>();
  const graphqlWs = useServer(
    {
      ...wsOptions,
      connectionInitWaitTimeout: limits.settings.connectionInitTimeoutMs,
      // A socket whose token does not verify is closed before it can subscribe (4403); one over the
      // caller's share of sockets too (4429). A socket lives no longer than its token (4401).
      onConnect: async (ctx) => {
        const authorization = socketAuthorization(ctx);
        let caller: Caller;
        try {
          caller = await verifyToken(authorization);
        } catch {
          return false;
        }
        const key = callerKey(caller, ctx.extra.request.socket.remoteAddress ?? "unknown");
        const handle = await limits.openSocket(key);
        if (handle === null) {
          refused.inc({ limit: "sockets", caller: caller.kind });
          ctx.extra.socket.close(4429, "Too many connections");
          return false;
        }
        socketOwners.set(ctx.extra.socket, { key, handle });
        connections.add(ctx);
        socketCallers.set(ctx.extra.socket, caller);
        const expiresAt = tokenExpiry(authorization);
        if (expiresAt !== null) {
          const socket = ctx.extra.socket;
          socketExpiry.set(socket, setTimeout(() => socket.close(4401, "Login expired"), Math.min(Math.max(0, expiresAt - Date.now()), MAX_TIMER_MS)));
        }
        return wsOptions.onConnect ? wsOptions.onConnect(ctx) : true;
      },
      onClose: (ctx, code, reason) => {
        connections.delete(ctx);
        clearTimeout(socketExpiry.get(ctx.extra.socket));
        socketExpiry.delete(ctx.extra.socket);
        const owner = socketOwners.get(ctx.extra.socket);
        if (owner) limits.closeSocket(owner.key, owner.handle);
        socketOwners.delete(ctx.extra.socket);
        return wsOptions.onClose?.(ctx, code, reason);
      },
      // A consent subgraph that goes away under a live subscription reaches the runtime as an error
      // without a message; the subscriber is told in words, with a code to resubscribe on.
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!result.errors?.some((error) => !error.message)) return undefined;
        return {
          ...result,
          errors: result.errors.map((error) =>
            error.message ? error : new GraphQLError(UPSTREAM_LOST.en, { extensions: { code: "UPSTREAM_UNAVAILABLE", message: UPSTREAM_LOST } }),
          ),
        };
      },
      onSubscribe: (ctx, id, payload) => {
        // The subscription being started is already counted.
        if (nestedDeeperThan(payload.variables, MAX_INPUT_DEPTH)) return [inputTooDeep()];
        if (Object.keys(ctx.subscriptions).length > limits.settings.subscriptionsPerSocket) {
          refused.inc({ limit: "subscriptions", caller: socketCallers.get(ctx.extra.socket)?.kind ?? "anonymous" });
          return [new GraphQLError("Too many subscriptions on one connection", { extensions: { code: "RATE_LIMITED", message: RATE_LIMITED } })];
        }
        // A subscription sent with its hash runs the trusted document of that hash, whatever text came
        // with it (graphql-ws must send a text; the runtime then looks the hash up).
        const hash = (payload.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
        const document = typeof hash === "string" ? trusted.documents[hash] : undefined;
        const caller = socketCallers.get(ctx.extra.socket);
        if (document === undefined && (!caller || !mayRunOwnDocuments(caller))) {
          return [new GraphQLError(TRUSTED_ONLY.en, { extensions: { code: "PERSISTED_QUERY_ONLY", message: TRUSTED_ONLY } })];
        }
        if (document === undefined) return wsOptions.onSubscribe!(ctx, id, payload);
        const { query: _sent, ...byHash } = payload;
        return wsOptions.onSubscribe!(ctx, id, byHash as typeof payload);
      },
    },
    wss,
  );

  return {
    /** graphql-ws sockets open now. */
    open: () => wss.clients.size,
    /** Subscriptions running on them now. */
    subscriptions: () => {
      let running = 0;
      for (const connection of connections) running += Object.keys(connection.subscriptions).length;
      return running;
    },
    close: async () => {
      await closeWebSockets(wss);
      await graphqlWs.dispose();
    },
  };
}
