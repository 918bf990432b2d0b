import type { LoginConfig } from "./auth.js";

export interface RuntimeConfig {
  /** The gateway's GraphQL endpoint; subscriptions use the same path over WebSocket. */
  gatewayUrl: string;
  /** How users sign in; absent when the deployment has no login for this app. */
  login: LoginConfig | null;
}

/** Where the gateway and the login are, from /config.json served next to the app, so one build runs against any deployment. */
export async function loadConfig(): Promise<RuntimeConfig> {
  const response = await fetch("/config.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`/config.json answered HTTP ${response.status}`);
  const config = (await response.json()) as Partial<RuntimeConfig>;
  if (typeof config.gatewayUrl !== "string") throw new Error("/config.json has no gatewayUrl");
  const login = config.login;
  const valid = login && typeof login.authorizeUrl === "string" && typeof login.tokenUrl === "string" && typeof login.clientId === "string";
  return { gatewayUrl: config.gatewayUrl, login: valid ? login : null };
}
