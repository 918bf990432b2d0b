import { decodeJwt } from "jose";
import { z } from "zod";

/** The platform's own OAuth client at the token issuer (client credentials grant). */
export interface PlatformClient {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
}

// A token is fetched again this long before it expires, so no call goes out with one about to lapse.
const RENEW_BEFORE_MS = 60_000;

/**
 * The consent subgraph's own credential for its calls through the gateway (letters, exports): a
 * token from the client credentials grant, fetched once and reused until shortly before it expires.
 * Without a client (a consent subgraph run alone without one) the calls go out anonymous, as before.
 */
export class PlatformCredential {
  private token: { authorization: string; renewAt: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(private readonly client: PlatformClient | null) {}

  /** Whether the platform has a client of its own at the token issuer. */
  get configured(): boolean {
    return this.client !== null;
  }

  /** The `authorization` header for the platform's own calls; null without a client. */
  async authorization(): Promise<string | null> {
    if (!this.client) return null;
    if (this.token && Date.now() < this.token.renewAt) return this.token.authorization;
    // One fetch at a time: a burst of letters waits for the same token.
    this.pending ??= this.fetchToken(this.client).finally(() => (this.pending = null));
    return this.pending;
  }

  private async fetchToken(client: PlatformClient): Promise<string> {
    const response = await fetch(client.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: client.clientId, client_secret: client.clientSecret }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number };
    if (!response.ok || !body.access_token) throw new Error(`the token issuer refused the platform's client credentials (HTTP ${response.status})`);
    const { exp } = decodeJwt(body.access_token);
    const expiresAt = typeof exp === "number" ? exp * 1000 : Date.now() + (body.expires_in ?? 300) * 1000;
    const authorization = `Bearer ${body.access_token}`;
    this.token = { authorization, renewAt: Math.max(Date.now(), expiresAt - RENEW_BEFORE_MS) };
    return authorization;
  }
}

/** The environment variables that give the consent subgraph the platform's own client; all three or none. */
export const platformClientEnv = {
  PLATFORM_TOKEN_URL: z.string().url().optional(),
  PLATFORM_CLIENT_ID: z.string().min(1).optional(),
  PLATFORM_CLIENT_SECRET: z.string().min(1).optional(),
};

export function platformClientFrom(env: { PLATFORM_TOKEN_URL?: string; PLATFORM_CLIENT_ID?: string; PLATFORM_CLIENT_SECRET?: string }): PlatformClient | undefined {
  const { PLATFORM_TOKEN_URL: tokenUrl, PLATFORM_CLIENT_ID: clientId, PLATFORM_CLIENT_SECRET: clientSecret } = env;
  if (tokenUrl && clientId && clientSecret) return { tokenUrl, clientId, clientSecret };
  if (tokenUrl || clientId || clientSecret) throw new Error("Set all of PLATFORM_TOKEN_URL, PLATFORM_CLIENT_ID and PLATFORM_CLIENT_SECRET, or none");
  return undefined;
}
