import { createHash } from "node:crypto";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
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

/**
 * Request rates (rate-limiter-flexible, in memory: each gateway instance counts its own callers) and
 * socket counts per caller.
 */
export class CallerLimits {
  private readonly limiters: Record<CallerKind, RateLimiterMemory>;
  private readonly sockets = new Map<string, number>();

  constructor(readonly settings: CallerLimitSettings) {
    this.limiters = Object.fromEntries(
      Object.entries(settings.requestsPerMinute).map(([kind, points]) => [kind, new RateLimiterMemory({ points, duration: 60 })]),
    ) as Record<CallerKind, RateLimiterMemory>;
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

  /** Opens a socket for the caller, unless they have as many open as allowed. */
  openSocket(key: string): boolean {
    const open = this.sockets.get(key) ?? 0;
    if (open >= this.settings.socketsPerCaller) return false;
    this.sockets.set(key, open + 1);
    return true;
  }

  closeSocket(key: string): void {
    const open = (this.sockets.get(key) ?? 1) - 1;
    if (open > 0) this.sockets.set(key, open);
    else this.sockets.delete(key);
  }
}

export const RATE_LIMITED = {
  da: "Du har sendt for mange forespørgsler på kort tid. Vent lidt, og prøv igen.",
  en: "You have sent too many requests in a short time. Please wait a moment and try again.",
};
