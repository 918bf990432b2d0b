import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import { AssuranceLevel, DEMO, NSIS_ACR, TOKEN_AUDIENCE, type IdentityOptions, type Logger } from "@samtykke/server-kit";
import { renderLoginPage } from "./login-page.js";

/**
 * A stand-in for the OpenID Connect providers production uses (MitID through a broker for citizens,
 * the authority's own login for caseworkers, OAuth2 client credentials for case systems). It issues
 * the same kind of tokens, signed with a key made at start, and is only ever started when asked.
 */

export type TokenRequest =
  | { role: "citizen"; cpr: string; name?: string; level?: AssuranceLevel; /** A signing step (MitID signing) instead of a login. */ signing?: boolean }
  | { role: "caseworker"; caseworkerId: string; authorityId: string; name?: string; level?: AssuranceLevel }
  | { role: "system"; caseSystemId: string; authorityId: string; scope?: string }
  | { role: "thirdparty"; systemId: string; organisationId: string; scope?: string }
  | { role: "platform"; clientId: string };

/** A token request, and how long the token should live when not the login's usual time (tests of expiry). */
export type IssueRequest = TokenRequest & { lifetimeSeconds?: number };

export interface DevLogin {
  identity: IdentityOptions;
  issuer: string;
  authorizeUrl: string;
  tokenUrl: string;
  /** Issues a token directly, as the login page or token endpoint would. */
  issue(request: IssueRequest): Promise<string>;
  close(): Promise<void>;
}

export interface DevLoginOptions {
  port: number;
  host?: string;
  logger: Logger;
  /** How long tokens live, in seconds. */
  tokenLifetimeSeconds?: number;
  /** Its address as browsers reach it, which is the tokens' issuer (in containers, not the address it listens on). */
  publicUrl?: string;
}

/**
 * The platform's own client (client credentials): the consent subgraph signs its calls through the
 * gateway with it (letters, exports), so they are never counted as anonymous. Development only,
 * like everything here; production registers its own client with the real provider.
 */
export const PLATFORM_CLIENT = { id: "samtykke-platform", secret: "samtykke-platform-development-secret" } as const;

/** The SPAs, as public OAuth2 clients, and who may sign in to each. */
export const LOGIN_CLIENTS = { "web-citizen": "citizen", "web-authority": "caseworker" } as const;
export type LoginClient = keyof typeof LOGIN_CLIENTS;

/** A signing token lives long enough to sign one thing. */
const SIGNING_LIFETIME_SECONDS = 300;

interface PendingCode {
  token: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  expires: number;
}

const CODE_LIFETIME_MS = 60_000;

function isLoopback(uri: string): boolean {
  try {
    const url = new URL(uri);
    return url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  } catch {
    return false;
  }
}

function sha256Base64Url(value: string): string {
  return createHash("sha256").update(value).digest("base64url");
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 10_000) break;
  }
  return new URLSearchParams(body);
}

function levelFrom(value: string | null | undefined): AssuranceLevel {
  const byAcr = (Object.keys(NSIS_ACR) as AssuranceLevel[]).find((level) => NSIS_ACR[level] === value);
  if (byAcr) return byAcr;
  return Object.values(AssuranceLevel).includes(value as AssuranceLevel) ? (value as AssuranceLevel) : AssuranceLevel.SUBSTANTIAL;
}

export async function startDevLogin(options: DevLoginOptions): Promise<DevLogin> {
  const lifetime = options.tokenLifetimeSeconds ?? 3600;
  const { privateKey, publicKey } = await generateKeyPair("ES256");
  const kid = randomUUID();
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" };
  const codes = new Map<string, PendingCode>();
  // The pseudonymous subjects handed out, so a signing request names the citizen without their CPR number.
  const citizensBySubject = new Map<string, string>();
  let issuer = "";

  const sign = (claims: Record<string, unknown>, subject: string, key: CryptoKey, seconds = lifetime) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: "ES256", kid, typ: "JWT" })
      .setIssuer(issuer)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject(subject)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(`${seconds}s`)
      .sign(key);

  const issue = async (request: IssueRequest): Promise<string> => {
    const seconds = request.lifetimeSeconds ?? lifetime;
    if (request.role === "thirdparty") {
      return sign({ role: "thirdparty", org_id: request.organisationId, scope: request.scope ?? "data-access" }, request.systemId, privateKey, seconds);
    }
    if (request.role === "platform") return sign({ role: "platform" }, request.clientId, privateKey, seconds);
    if (request.role === "system") {
      return sign({ role: "system", authority_id: request.authorityId, scope: request.scope ?? "consent:read consent:write" }, request.caseSystemId, privateKey, seconds);
    }
    const login = { acr: NSIS_ACR[request.level ?? AssuranceLevel.SUBSTANTIAL], sid: randomUUID(), auth_time: Math.floor(Date.now() / 1000) };
    if (request.role === "citizen") {
      const name = request.name ?? DEMO.citizens.find((citizen) => citizen.cpr === request.cpr)?.name;
      // The subject is a pseudonym, as MitID's is; the CPR number travels in its own claim.
      const subject = sha256Base64Url(`citizen:${request.cpr}`).slice(0, 22);
      citizensBySubject.set(subject, request.cpr);
      if (request.signing) return sign({ role: "citizen", cpr: request.cpr, name, purpose: "sign", ...login }, subject, privateKey, request.lifetimeSeconds ?? SIGNING_LIFETIME_SECONDS);
      return sign({ role: "citizen", cpr: request.cpr, name, ...login }, subject, privateKey, seconds);
    }
    const name = request.name ?? DEMO.staff.find((member) => member.caseworker === request.caseworkerId)?.name;
    return sign({ role: "caseworker", authority_id: request.authorityId, name, ...login }, request.caseworkerId, privateKey, seconds);
  };

  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", "access-control-allow-origin": "*" });
    response.end(JSON.stringify(body));
  };
  const oauthError = (response: ServerResponse, error: string, description: string, status = 400) =>
    json(response, status, { error, error_description: description });

  const tokenRequestFromLoginHint = (hint: string, level: AssuranceLevel): TokenRequest | undefined => {
    if (/^\d{10}$/.test(hint)) return { role: "citizen", cpr: hint, level };
    const member = DEMO.staff.find((staff) => staff.caseworker === hint);
    return member && { role: "caseworker", caseworkerId: member.caseworker, authorityId: member.authority, level };
  };

  const handleToken = async (request: IncomingMessage, response: ServerResponse) => {
    const form = await readForm(request);
    const grant = form.get("grant_type");
    if (grant === "client_credentials") {
      let clientId = form.get("client_id") ?? "";
      let secret = form.get("client_secret") ?? "";
      const basic = /^Basic\s+(.+)$/i.exec(request.headers.authorization ?? "");
      if (basic) [clientId, secret] = Buffer.from(basic[1]!, "base64").toString().split(":") as [string, string];
      if (clientId === PLATFORM_CLIENT.id) {
        if (!sameSecret(secret ?? "", PLATFORM_CLIENT.secret)) return oauthError(response, "invalid_client", "Unknown client or wrong secret", 401);
        return json(response, 200, { access_token: await issue({ role: "platform", clientId }), token_type: "Bearer", expires_in: lifetime });
      }
      const client = DEMO.caseSystemClients.find((candidate) => candidate.caseSystem === clientId);
      const thirdParty = DEMO.thirdPartyClients.find((candidate) => candidate.system === clientId);
      if ((!client && !thirdParty) || !sameSecret(secret ?? "", DEMO.caseSystemSecret)) return oauthError(response, "invalid_client", "Unknown client or wrong secret", 401);
      const scope = form.get("scope") ?? undefined;
      const token = await issue(
        client
          ? { role: "system", caseSystemId: client.caseSystem, authorityId: client.authority, scope }
          : { role: "thirdparty", systemId: thirdParty!.system, organisationId: thirdParty!.organisation, scope },
      );
      return json(response, 200, { access_token: token, token_type: "Bearer", expires_in: lifetime });
    }
    if (grant === "authorization_code") {
      const pending = codes.get(form.get("code") ?? "");
      codes.delete(form.get("code") ?? "");
      if (!pending || pending.expires < Date.now()) return oauthError(response, "invalid_grant", "Unknown or expired code");
      if (pending.clientId !== form.get("client_id") || pending.redirectUri !== form.get("redirect_uri")) {
        return oauthError(response, "invalid_grant", "The code was issued to another client or redirect URI");
      }
      if (sha256Base64Url(form.get("code_verifier") ?? "") !== pending.codeChallenge) return oauthError(response, "invalid_grant", "PKCE verification failed");
      return json(response, 200, { access_token: pending.token, token_type: "Bearer", expires_in: lifetime });
    }
    if (grant === "urn:samtykke:dev-login") {
      // For scripts and tests: sign in as a demo person without the page.
      const tokenRequest = tokenRequestFromLoginHint(form.get("login_hint") ?? "", levelFrom(form.get("acr_values")));
      if (!tokenRequest) return oauthError(response, "invalid_request", "login_hint must be a CPR number or a demo caseworker's id");
      return json(response, 200, { access_token: await issue(tokenRequest), token_type: "Bearer", expires_in: lifetime });
    }
    return oauthError(response, "unsupported_grant_type", "Use authorization_code, client_credentials or urn:samtykke:dev-login");
  };

  const handleAuthorize = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    const params = request.method === "POST" ? await readForm(request) : url.searchParams;
    const clientId = params.get("client_id") ?? "";
    const redirectUri = params.get("redirect_uri") ?? "";
    const role = LOGIN_CLIENTS[clientId as LoginClient];
    if (!role || !isLoopback(redirectUri) || params.get("response_type") !== "code" || params.get("code_challenge_method") !== "S256" || !params.get("code_challenge")) {
      response.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
      response.end("Ugyldig loginforespørgsel / Invalid login request");
      return;
    }
    const level = levelFrom(params.get("acr_values"));
    // Signing: the signed-in citizen (login_hint: their token's subject) confirms with MitID; no one
    // else can be picked.
    const signer = params.get("purpose") === "sign" && role === "citizen" ? (citizensBySubject.get(params.get("login_hint") ?? "") ?? null) : null;
    if (params.get("purpose") === "sign" && !signer) {
      response.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
      response.end("Underskrift kræver login_hint med den indloggede borgers subject / Signing needs login_hint with the signed-in citizen's subject");
      return;
    }
    if (request.method !== "POST") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      response.end(renderLoginPage({ role, params, level, error: null, signer }));
      return;
    }
    // A typed CPR number may come with a dash or spaces; the listed people come as they are.
    const chosen = signer ?? (params.get("person") === "other" ? (params.get("cpr") ?? "").replace(/[\s-]/g, "") : (params.get("person") ?? ""));
    const picked = tokenRequestFromLoginHint(chosen, levelFrom(params.get("level")));
    const tokenRequest = picked?.role === "citizen" && signer ? { ...picked, signing: true } : picked;
    if (!tokenRequest || tokenRequest.role !== role) {
      response.writeHead(400, { "content-type": "text/html; charset=utf-8" });
      response.end(renderLoginPage({ role, params, level, signer, error: "Vælg en person eller skriv et CPR-nummer med 10 cifre. / Choose a person or type a 10-digit CPR number." }));
      return;
    }
    const code = randomUUID();
    codes.set(code, {
      token: await issue(tokenRequest),
      clientId,
      redirectUri,
      codeChallenge: params.get("code_challenge")!,
      expires: Date.now() + CODE_LIFETIME_MS,
    });
    const target = new URL(redirectUri);
    target.searchParams.set("code", code);
    if (params.get("state")) target.searchParams.set("state", params.get("state")!);
    response.writeHead(303, { location: target.toString() });
    response.end();
  };

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    try {
      if (request.method === "OPTIONS") {
        response.writeHead(204, { "access-control-allow-origin": "*", "access-control-allow-methods": "POST, GET", "access-control-allow-headers": "content-type" });
        return response.end();
      }
      if (url.pathname === "/.well-known/openid-configuration") {
        return json(response, 200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks.json`,
          grant_types_supported: ["authorization_code", "client_credentials", "urn:samtykke:dev-login"],
          code_challenge_methods_supported: ["S256"],
          acr_values_supported: Object.values(NSIS_ACR),
        });
      }
      if (url.pathname === "/jwks.json") return json(response, 200, { keys: [publicJwk] });
      if (url.pathname === "/token" && request.method === "POST") return await handleToken(request, response);
      if (url.pathname === "/authorize") return await handleAuthorize(request, response, url);
      response.writeHead(404).end();
    } catch (error) {
      options.logger.error({ err: error }, "development login failed");
      if (!response.headersSent) response.writeHead(500);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  issuer = options.publicUrl?.replace(/\/$/, "") ?? `http://${options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1"}:${port}`;
  options.logger.warn({ issuer }, "development login is on: anyone can sign in as anyone; never enable it in production");
  return {
    issuer,
    identity: { issuer, audience: TOKEN_AUDIENCE, jwksUrl: `${issuer}/jwks.json` },
    authorizeUrl: `${issuer}/authorize`,
    tokenUrl: `${issuer}/token`,
    issue,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
