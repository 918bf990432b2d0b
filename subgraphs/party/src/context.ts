import type { SubgraphContext } from "@samtykke/server-kit";
import type { CprVault } from "./domain/cpr-vault.js";

export interface PartyContext extends SubgraphContext {
  cprVault: CprVault;
}
