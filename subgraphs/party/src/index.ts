import type { Logger } from "pino";
import { startSubgraph, type StartedSubgraph, type IdentityOptions } from "@samtykke/server-kit";
import { PERSON_REGISTER_CLIENT_ID } from "./config.js";
import { CprVault } from "./domain/cpr-vault.js";
import { seedPartyDemo } from "./demo/seed.js";
import { partySubgraph } from "./subgraph.js";
import type { PartyContext } from "./context.js";

export { partySubgraph } from "./subgraph.js";
export { partyConfig, DEVELOPMENT_CPR_KEY, PERSON_REGISTER_CLIENT_ID } from "./config.js";
// The person register stand-in's own rows, for tests that put a family in it.
export { Citizen } from "./entities/citizen.entity.js";
export { Custody } from "./entities/relations.entity.js";

export interface StartPartyOptions {
  databaseUrl: string;
  port: number;
  host?: string;
  logger: Logger;
  cprKey: string;
  /** The platform client the person register's adapter signs in with: the only one that may send its events. */
  personRegisterClientId?: string;
  production?: boolean;
  identity: IdentityOptions;
  seedDemo?: boolean;
  /** The secret the gateway signs requests with; set, only requests it signed are answered. */
  gatewaySecret?: string | null;
  /** Set, `/metrics` answers only a scraper that sends it as a bearer token. */
  metricsToken?: string;
}

export async function startParty(options: StartPartyOptions): Promise<StartedSubgraph> {
  const cprVault = new CprVault(options.cprKey);
  return startSubgraph<PartyContext>(partySubgraph, {
    ...options,
    extendContext: (base) => ({ ...base, cprVault, personRegisterClientId: options.personRegisterClientId ?? PERSON_REGISTER_CLIENT_ID }),
    seed: options.seedDemo ? (em) => seedPartyDemo(em, cprVault) : undefined,
  });
}
