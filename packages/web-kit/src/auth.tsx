import { createContext, useContext, type ReactNode } from "react";

/** How the app signs its user in: an OpenID Connect authorization code flow with PKCE. */
export interface LoginConfig {
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
}

/** Who is signed in, as the token says; the gateway and subgraphs check the token itself. */
export interface Session {
  token: string;
  name: string | null;
  role: "citizen" | "caseworker";
  /** The caseworker's authority. */
  authorityId: string | null;
}

const TOKEN_KEY = "samtykke.token";
const PENDING_KEY = "samtykke.login";

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

/** Sends the browser to the login; it comes back to this app with a code. */
export async function startLogin(login: LoginConfig): Promise<void> {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state }));
  const url = new URL(login.authorizeUrl);
  url.search = new URLSearchParams({
    client_id: login.clientId,
    redirect_uri: redirectUri(),
    response_type: "code",
    code_challenge: challenge,
    code_challenge_method: "S256",
    state,
  }).toString();
  window.location.assign(url.toString());
}

/** On the way back from the login: swaps the code for a token (kept for this tab only) and tidies the address bar. */
export async function completeLogin(login: LoginConfig): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const code = params.get("code");
  if (!code) return;
  window.history.replaceState(null, "", window.location.pathname);
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? "null") as { verifier: string; state: string } | null;
  sessionStorage.removeItem(PENDING_KEY);
  // A code this tab did not ask for (another site's redirect) is ignored.
  if (!pending || pending.state !== params.get("state")) return;
  const response = await fetch(login.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", code, code_verifier: pending.verifier, client_id: login.clientId, redirect_uri: redirectUri() }),
  });
  if (!response.ok) return;
  const { access_token } = (await response.json()) as { access_token?: string };
  if (access_token) sessionStorage.setItem(TOKEN_KEY, access_token);
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
  return { token, role, name: typeof claims.name === "string" ? claims.name : null, authorityId: typeof claims.authority_id === "string" ? claims.authority_id : null };
}

export function logOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  window.location.assign(redirectUri());
}

interface AuthState {
  session: Session | null;
  logIn: () => void;
  logOut: () => void;
}

export const AuthContext = createContext<AuthState>({ session: null, logIn: () => {}, logOut });

export function AuthProvider({ login, session, children }: { login: LoginConfig | null; session: Session | null; children: ReactNode }) {
  const logIn = () => {
    if (login) void startLogin(login);
  };
  return <AuthContext.Provider value={{ session, logIn, logOut }}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  return useContext(AuthContext);
}
