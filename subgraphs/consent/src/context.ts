import type { SubgraphContext } from "@samtykke/server-kit";
import type { ConsentEventBus } from "./services/consent-event-bus.js";
import type { SupergraphClient } from "./services/supergraph-client.js";

export interface ConsentContext extends SubgraphContext {
  supergraph: SupergraphClient;
  events: ConsentEventBus;
  now: () => Date;
}
