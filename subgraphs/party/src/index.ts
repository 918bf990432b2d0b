import type { Logger } from "pino";
import { startSubgraph, type StartedSubgraph, type IdentityOptions } from "@samtykke/server-kit";
import { CprVault } from "./domain/cpr-vault.js";
import { seedPartyDemo } from "./demo/seed.js";
import { partySubgraph } from "./subgraph.js";
import type { PartyContext } from "./context.js";

export { partySubgraph } from "./subgraph.js";
export { partyConfig, DEVELOPMENT_CPR_KEY } from "./config.js";
// The person register stand-in's own rows, for tests that put a family in it.
export { Citizen } from "./entities/citizen.entity.js";
export { Custody } from "./entities/relations.entity.js";

export interface StartPartyOptions {
  databaseUrl: string;
  port: number;
  host?: string;
  logger: Logger;
  cprKey: string;
  production?: boolean;
  identity: IdentityOptions;
  seedDemo?: boolean;
  /** The secret the gateway signs requests with; set, only requests it signed are answered. */
  gatewaySecret?: string | null;
}

export async function startParty(options: StartPartyOptions): Promise<StartedSubgraph> {
  const cprVault = new CprVault(options.cprKey);
  return startSubgraph<PartyContext>(partySubgraph, {
    ...options,
    extendContext: (base) => ({ ...base, cprVault }),
    seed: options.seedDemo ? (em) => seedPartyDemo(em, cprVault) : undefined,
  });
}
