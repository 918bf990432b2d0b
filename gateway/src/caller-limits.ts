import { createHash, randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Caller, CallerKind } from "@samtykke/server-kit";

/** How much one caller may ask of the gateway; a burst above it is refused until the window moves on. */
export interface CallerLimitSettings {
  /** Requests per minute, per caller of each kind (anonymous callers: per IP address). */
  requestsPerMinute: Record<CallerKind, number>;
  /** Open graphql-ws sockets per caller. */
  socketsPerCaller: number;
  /** Subscriptions on one socket. */
  subscriptionsPerSocket: number;
  /** A socket that has not sent `connection_init` by then is closed (4408). */
  connectionInitTimeoutMs: number;
}

/** Settings to change; request rates per kind are merged with the defaults. */
export type CallerLimitOverrides = Partial<Omit<CallerLimitSettings, "requestsPerMinute">> & { requestsPerMinute?: Partial<Record<CallerKind, number>> };

export function callerLimitSettings(overrides: CallerLimitOverrides = {}): CallerLimitSettings {
  return { ...DEFAULT_CALLER_LIMITS, ...overrides, requestsPerMinute: { ...DEFAULT_CALLER_LIMITS.requestsPerMinute, ...overrides.requestsPerMinute } };
}

export const DEFAULT_CALLER_LIMITS: CallerLimitSettings = {
  // The platform's own calls (letters, exports) follow the work callers give it, so its budget is the
  // largest: were they anonymous, one caseworker's export of 100 consents used up the budget every letter needed.
  requestsPerMinute: { citizen: 120, caseworker: 600, system: 1200, thirdParty: 600, platform: 6000, anonymous: 60 },
  socketsPerCaller: 10,
  subscriptionsPerSocket: 20,
  connectionInitTimeoutMs: 3_000,
};

/** Who a limit counts against. A citizen is counted by a hash of their CPR number, never the number itself. */
export function callerKey(caller: Caller, address: string): string {
  switch (caller.kind) {
    case "citizen":
      return `citizen:${createHash("sha256").update(caller.cpr).digest("base64url").slice(0, 22)}`;
    case "caseworker":
      return `caseworker:${caller.caseworkerId}`;
    case "system":
      return `system:${caller.caseSystemId}`;
    case "thirdParty":
      return `thirdParty:${caller.systemId}`;
    case "platform":
      return `platform:${caller.clientId}`;
    default:
      return `anonymous:${address}`;
  }
}

// How long a socket counts in the shared store without its gateway renewing it: a gateway that
// dies without closing its sockets frees its callers' share after this.
const SOCKET_LEASE_MS = 60_000;
const SOCKET_RENEW_MS = 20_000;
// A Redis that does not answer by then is treated as gone for that request.
const REDIS_COMMAND_TIMEOUT_MS = 250;

// Opens one socket in a caller's set, if it has room: expired leases first, then count, then add,
// all on Redis's own clock so that gateways whose clocks differ agree.
const OPEN_SOCKET_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;
const RENEW_SOCKET_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

type SharedRedis = Redis & {
  openSocket(key: string, member: string, leaseMs: number, limit: number): Promise<number>;
  renewSocket(key: string, member: string, leaseMs: number): Promise<number>;
};

/**
 * Request rates and socket counts per caller (rate-limiter-flexible). With a Redis every gateway
 * instance counts against the same allowance; without one, or while it is unreachable, each counts
 * in its own memory (and says so in its log), so the gateway keeps serving either way.
 */
export class CallerLimits {
  private readonly limiters: Record<CallerKind, RateLimiterMemory | RateLimiterRedis>;
  /** This instance's open sockets per caller; what counts while there is no shared store. */
  private readonly sockets = new Map<string, Set<string>>();
  private readonly redis: SharedRedis | null;
  private readonly instance = randomUUID();
  private socketSequence = 0;
  private renewal: NodeJS.Timeout | null = null;
  private storeLost = false;

  constructor(
    readonly settings: CallerLimitSettings,
    private readonly shared?: { redisUrl: string; logger: Logger },
  ) {
    this.redis = shared ? this.connect(shared.redisUrl, shared.logger) : null;
    this.limiters = Object.fromEntries(
      Object.entries(settings.requestsPerMinute).map(([kind, points]) => {
        const inMemory = new RateLimiterMemory({ points, duration: 60, keyPrefix: `rate:${kind}` });
        const limiter = this.redis
          ? new RateLimiterRedis({ storeClient: this.redis, points, duration: 60, keyPrefix: `samtykke:rate:${kind}`, rejectIfRedisNotReady: true, insuranceLimiter: inMemory })
          : inMemory;
        return [kind, limiter];
      }),
    ) as Record<CallerKind, RateLimiterMemory | RateLimiterRedis>;
    if (this.redis) {
      this.renewal = setInterval(() => void this.renewSockets(), SOCKET_RENEW_MS);
      this.renewal.unref();
    }
  }

  private connect(url: string, logger: Logger): SharedRedis {
    // No queue while disconnected and a short timeout: a request never waits on a Redis that is gone.
    const redis = new Redis(url, { enableOfflineQueue: false, commandTimeout: REDIS_COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 0, connectionName: "samtykke-gateway" });
    redis.defineCommand("openSocket", { numberOfKeys: 1, lua: OPEN_SOCKET_SCRIPT });
    redis.defineCommand("renewSocket", { numberOfKeys: 1, lua: RENEW_SOCKET_SCRIPT });
    redis.on("error", (error: Error) => {
      if (this.storeLost) return;
      this.storeLost = true;
      logger.warn({ err: { message: error.message } }, "the shared limits' Redis is unreachable: this gateway counts callers in its own memory until it is back");
    });
    redis.on("ready", () => {
      if (this.storeLost) logger.info("the shared limits' Redis is back: callers are counted across gateways again");
      this.storeLost = false;
      // Sockets opened meanwhile count again at once.
      void this.renewSockets();
    });
    return redis as SharedRedis;
  }

  /** Counts one request; the seconds to wait when over the limit, else null. */
  async takeRequest(caller: Caller, address: string): Promise<number | null> {
    try {
      await this.limiters[caller.kind].consume(callerKey(caller, address));
      return null;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }

  /** Opens a socket for the caller, unless they have as many open as allowed; null when refused, else the socket's handle. */
  async openSocket(key: string): Promise<string | null> {
    const own = this.sockets.get(key) ?? new Set<string>();
    if (own.size >= this.settings.socketsPerCaller) return null;
    const member = `${this.instance}:${++this.socketSequence}`;
    if (this.redis && this.redis.status === "ready") {
      try {
        if ((await this.redis.openSocket(socketSetKey(key), member, SOCKET_LEASE_MS, this.settings.socketsPerCaller)) === 0) return null;
      } catch {
        // Unreachable mid-request: this instance's own count decides, as when there is no Redis.
      }
    }
    own.add(member);
    this.sockets.set(key, own);
    return member;
  }

  closeSocket(key: string, member: string): void {
    const own = this.sockets.get(key);
    own?.delete(member);
    if (own?.size === 0) this.sockets.delete(key);
    if (this.redis && this.redis.status === "ready") this.redis.zrem(socketSetKey(key), member).catch(() => undefined);
  }

  private async renewSockets(): Promise<void> {
    if (!this.redis || this.redis.status !== "ready") return;
    const pipeline = this.redis.pipeline();
    for (const [key, members] of this.sockets) for (const member of members) (pipeline as unknown as SharedRedis).renewSocket(socketSetKey(key), member, SOCKET_LEASE_MS);
    await pipeline.exec().catch(() => undefined);
  }

  async close(): Promise<void> {
    if (this.renewal) clearInterval(this.renewal);
    if (!this.redis) return;
    const pipeline = this.redis.pipeline();
    for (const [key, members] of this.sockets) pipeline.zrem(socketSetKey(key), ...members);
    if (this.redis.status === "ready") await pipeline.exec().catch(() => undefined);
    this.redis.disconnect();
  }
}

const socketSetKey = (callerKey: string) => `samtykke:sockets:${callerKey}`;

export const RATE_LIMITED = {
  da: "Du har sendt for mange forespørgsler på kort tid. Vent lidt, og prøv igen.",
  en: "You have sent too many requests in a short time. Please wait a moment and try again.",
};
