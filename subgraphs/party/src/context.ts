import type { SubgraphContext } from "@samtykke/server-kit";
import type { CprVault } from "./domain/cpr-vault.js";

export interface PartyContext extends SubgraphContext {
  cprVault: CprVault;
  /** The platform client that may send the person register's events. */
  personRegisterClientId: string;
}
