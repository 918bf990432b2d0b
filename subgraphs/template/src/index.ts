import type { Logger } from "pino";
import { startSubgraph, type StartedSubgraph, type IdentityOptions } from "@samtykke/server-kit";
import { seedTemplateDemo } from "./demo/seed.js";
import { templateSubgraph } from "./subgraph.js";

export { templateSubgraph } from "./subgraph.js";
export { DEMO_TEMPLATE_CONTENT, demoAnswers } from "./demo/seed.js";

export interface StartTemplateOptions {
  databaseUrl: string;
  port: number;
  host?: string;
  logger: Logger;
  production?: boolean;
  identity: IdentityOptions;
  seedDemo?: boolean;
  /** The secret the gateway signs requests with; set, only requests it signed are answered. */
  gatewaySecret?: string | null;
  /** Set, `/metrics` answers only a scraper that sends it as a bearer token. */
  metricsToken?: string;
}

export async function startTemplate(options: StartTemplateOptions): Promise<StartedSubgraph> {
  return startSubgraph(templateSubgraph, { ...options, seed: options.seedDemo ? seedTemplateDemo : undefined });
}
