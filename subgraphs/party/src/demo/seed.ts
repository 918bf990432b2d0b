import type { EntityManager } from "@mikro-orm/postgresql";
import { DEMO } from "@samtykke/server-kit";
import type { CprVault } from "../domain/cpr-vault.js";
import { Authority } from "../entities/authority.entity.js";
import { Caseworker } from "../entities/caseworker.entity.js";
import { findOrRegisterCitizen } from "../entities/citizen.repository.js";

/** Seeds the demo authorities, caseworkers and citizens once; a database that has any is left alone. */
export async function seedPartyDemo(em: EntityManager, vault: CprVault): Promise<boolean> {
  if ((await em.count(Authority)) > 0) return false;
  const odense = em.create(Authority, { id: DEMO.authorities.odense, name: "Odense Kommune", cvr: "35209115" });
  const skat = em.create(Authority, { id: DEMO.authorities.skattestyrelsen, name: "Skattestyrelsen", cvr: "43162928" });
  em.create(Authority, { id: DEMO.authorities.koebenhavn, name: "Københavns Kommune", cvr: "64942212" });
  em.create(Caseworker, { id: DEMO.caseworkers.odense, name: "Mette Sagsbehandler", authority: odense });
  em.create(Caseworker, { id: DEMO.caseworkers.skattestyrelsen, name: "Jonas Skattemedarbejder", authority: skat });
  await em.flush();
  for (const citizen of DEMO.citizens) await findOrRegisterCitizen(em, vault, citizen.cpr);
  return true;
}
