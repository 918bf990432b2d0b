import { createContext, useContext, useEffect, useState, type ReactNode } from "react";

/** How the app signs its user in: an OpenID Connect authorization code flow with PKCE. */
export interface LoginConfig {
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
}

/** Who is signed in, as the token says; the gateway and subgraphs check the token itself. */
export interface Session {
  token: string;
  /** The token's subject: a pseudonym, never the CPR number. */
  subject: string;
  name: string | null;
  role: "citizen" | "caseworker";
  /** The caseworker's authority. */
  authorityId: string | null;
  /** When the token stops being valid (ms since epoch). */
  expiresAt: number;
}

const TOKEN_KEY = "samtykke.token";
const PENDING_KEY = "samtykke.login";
const SIGNED_KEY = "samtykke.signed";

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function claimsOf(token: string): Record<string, unknown> | null {
  try {
    const payload = token.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/");
    const bytes = Uint8Array.from(atob(payload), (char) => char.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function redirectUri(): string {
  return `${window.location.origin}/`;
}

interface PendingLogin {
  verifier: string;
  state: string;
  /** What the app was doing when it sent the user to sign, to finish it on the way back. */
  signing?: unknown;
  /** The app's own page the user was on (path and query), to come back to. */
  returnTo?: string;
}

/** Only a path of this app: never another origin, never a protocol-relative address. */
function safeReturnPath(path: unknown): string {
  return typeof path === "string" && path.startsWith("/") && !path.startsWith("//") && !path.includes("\\") ? path : "/";
}

async function redirectToLogin(login: LoginConfig, extra: Record<string, string>, signing?: unknown): Promise<void> {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const returnTo = `${window.location.pathname}${window.location.search}`;
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, signing, returnTo } satisfies PendingLogin));
  const url = new URL(login.authorizeUrl);
  url.search = new URLSearchParams({
    client_id: login.clientId,
    redirect_uri: redirectUri(),
    response_type: "code",
    code_challenge: challenge,
    code_challenge_method: "S256",
    state,
    ...extra,
  }).toString();
  window.location.assign(url.toString());
}

/** Sends the browser to the login; it comes back to this app with a code. */
export function startLogin(login: LoginConfig): Promise<void> {
  return redirectToLogin(login, {});
}

/**
 * Sends the signed-in citizen to sign (MitID signing, a step apart from the login); `intent` is
 * kept and handed back by `takeSignature` with the signing token when they return.
 */
export function startSigning(login: LoginConfig, session: Session, intent: unknown): Promise<void> {
  return redirectToLogin(login, { purpose: "sign", login_hint: session.subject, acr_values: "SUBSTANTIAL" }, intent);
}

/** A signature made on the way back from signing: the short-lived signing token and what it is for. Read once. */
export function takeSignature<T>(): { token: string; intent: T } | null {
  const stored = sessionStorage.getItem(SIGNED_KEY);
  sessionStorage.removeItem(SIGNED_KEY);
  return stored ? (JSON.parse(stored) as { token: string; intent: T }) : null;
}

/**
 * On the way back from the login: swaps the code for a token (kept for this tab only), tidies the
 * address bar and puts back the page the user was on when they were sent to sign in or to sign.
 */
export async function completeLogin(login: LoginConfig): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const code = params.get("code");
  if (!code) return;
  window.history.replaceState(null, "", window.location.pathname);
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? "null") as PendingLogin | null;
  sessionStorage.removeItem(PENDING_KEY);
  // A code this tab did not ask for (another site's redirect) is ignored.
  if (!pending || pending.state !== params.get("state")) return;
  window.history.replaceState(null, "", safeReturnPath(pending.returnTo));
  const response = await fetch(login.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", code, code_verifier: pending.verifier, client_id: login.clientId, redirect_uri: redirectUri() }),
  });
  if (!response.ok) return;
  const { access_token } = (await response.json()) as { access_token?: string };
  if (!access_token) return;
  // A signing token is for the one signature it was asked for; the session keeps its login.
  if (pending.signing !== undefined) sessionStorage.setItem(SIGNED_KEY, JSON.stringify({ token: access_token, intent: pending.signing }));
  else sessionStorage.setItem(TOKEN_KEY, access_token);
}

/** The session in this tab, if its token has not expired. */
export function currentSession(): Session | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const claims = token && claimsOf(token);
  if (!token || !claims || typeof claims.exp !== "number" || claims.exp * 1000 <= Date.now()) {
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  const role = claims.role === "caseworker" ? "caseworker" : "citizen";
  return {
    token,
    subject: String(claims.sub ?? ""),
    role,
    name: typeof claims.name === "string" ? claims.name : null,
    authorityId: typeof claims.authority_id === "string" ? claims.authority_id : null,
    expiresAt: claims.exp * 1000,
  };
}

export function logOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  window.location.assign(redirectUri());
}

interface AuthState {
  session: Session | null;
  logIn: () => void;
  logOut: () => void;
  /** Goes to sign; the app gets `intent` back in `signature` when the citizen returns. */
  sign: (intent: unknown) => void;
  /** The signature the citizen has just made, to be used once: its signing token and what it was for. */
  signature: { token: string; intent: unknown } | null;
  /** The login ran out while the page was open: the app asks to sign in again and says why. */
  expired: boolean;
}

export const AuthContext = createContext<AuthState>({ session: null, logIn: () => {}, logOut, sign: () => {}, signature: null, expired: false });

// setTimeout holds at most about 24.8 days.
const MAX_TIMER_MS = 2 ** 31 - 1;

export function AuthProvider({
  login,
  session,
  signature,
  children,
}: {
  login: LoginConfig | null;
  session: Session | null;
  signature: AuthState["signature"];
  children: ReactNode;
}) {
  // The gateway refuses the token from its expiry on (and closes the live connection): the page
  // stops acting signed in at the same moment instead of failing call by call.
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(() => {
      sessionStorage.removeItem(TOKEN_KEY);
      setExpired(true);
    }, Math.min(Math.max(0, session.expiresAt - Date.now()), MAX_TIMER_MS));
    return () => clearTimeout(timer);
  }, [session]);
  const current = expired ? null : session;
  const logIn = () => {
    if (login) void startLogin(login);
  };
  const sign = (intent: unknown) => {
    if (login && current) void startSigning(login, current, intent);
  };
  return <AuthContext.Provider value={{ session: current, logIn, logOut, sign, signature, expired }}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  return useContext(AuthContext);
}
