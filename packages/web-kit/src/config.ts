export interface RuntimeConfig {
  /** The gateway's GraphQL endpoint; subscriptions use the same path over WebSocket. */
  gatewayUrl: string;
}

/** Where the gateway is, from /config.json served next to the app, so one build runs against any deployment. */
export async function loadConfig(): Promise<RuntimeConfig> {
  const response = await fetch("/config.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`/config.json answered HTTP ${response.status}`);
  const config = (await response.json()) as Partial<RuntimeConfig>;
  if (typeof config.gatewayUrl !== "string") throw new Error("/config.json has no gatewayUrl");
  return { gatewayUrl: config.gatewayUrl };
}
