import type { Logger } from "pino";
import { startSubgraph, type StartedSubgraph } from "@samtykke/server-kit";
import { ConsentEventBus } from "./services/consent-event-bus.js";
import { SupergraphClient } from "./services/supergraph-client.js";
import { consentSubgraph } from "./subgraph.js";
import type { ConsentContext } from "./context.js";

export { consentSubgraph } from "./subgraph.js";

export interface StartConsentOptions {
  databaseUrl: string;
  port: number;
  host?: string;
  logger: Logger;
  /** Where the supergraph answers; a function because the gateway may start after this subgraph. */
  gatewayUrl: () => string;
  production?: boolean;
  now?: () => Date;
}

export async function startConsent(options: StartConsentOptions): Promise<StartedSubgraph> {
  const supergraph = new SupergraphClient(options.gatewayUrl);
  const events = new ConsentEventBus();
  const now = options.now ?? (() => new Date());
  return startSubgraph<ConsentContext>(consentSubgraph, {
    ...options,
    extendContext: (base) => ({ ...base, supergraph, events, now }),
  });
}
