import type { EntityManager } from "@mikro-orm/postgresql";
import { DEMO } from "@samtykke/server-kit";
import type { CprVault } from "../domain/cpr-vault.js";
import { Authority } from "../entities/authority.entity.js";
import { CaseSystem } from "../entities/case-system.entity.js";
import { Caseworker } from "../entities/caseworker.entity.js";
import { Custody, PowerOfAttorney } from "../entities/relations.entity.js";
import { ThirdParty } from "../entities/third-party.entity.js";
import { findOrRegisterCitizen } from "../entities/citizen.repository.js";

/**
 * Seeds the demo authorities, caseworkers, case systems and third party once, and makes sure the
 * demo people of the person register are there with their custody at every start: the young
 * person's number follows the year (see DEMO.citizens), so a demo kept from an earlier year gets
 * this year's 16-year-old too. Returns whether the organisations were seeded now.
 */
/** Where the demo authorities' self-service sends citizens back to. */
const DEMO_RETURN_ADDRESSES: Record<string, string[]> = {
  [DEMO.authorities.odense]: ["https://selvbetjening.odense.dk/"],
  [DEMO.authorities.skattestyrelsen]: ["https://skat.dk/borger/"],
};

export async function seedPartyDemo(em: EntityManager, vault: CprVault): Promise<boolean> {
  const firstTime = (await em.count(Authority)) === 0;
  if (firstTime) await seedOrganisations(em);
  // Also on a demo database made before authorities had return addresses.
  for (const [id, addresses] of Object.entries(DEMO_RETURN_ADDRESSES)) {
    const authority = await em.findOne(Authority, { id });
    if (authority && !authority.returnAddresses.length) authority.returnAddresses = addresses;
  }
  const byCpr = new Map<string, Awaited<ReturnType<typeof findOrRegisterCitizen>>>();
  for (const citizen of DEMO.citizens) byCpr.set(citizen.cpr, await findOrRegisterCitizen(em, vault, citizen.cpr));
  for (const { child, holders } of DEMO.custody) {
    for (const holder of holders) {
      const relation = { holder: byCpr.get(holder)!, child: byCpr.get(child)! };
      if (!(await em.count(Custody, relation))) em.create(Custody, relation);
    }
  }
  if (firstTime) {
    const now = new Date();
    for (const grant of DEMO.powersOfAttorney) {
      em.create(PowerOfAttorney, {
        grantor: byCpr.get(grant.grantor)!,
        attorney: byCpr.get(grant.attorney)!,
        authorityIds: [grant.authority],
        validFrom: now,
        validTo: new Date(now.getTime() + grant.days * 24 * 60 * 60 * 1000),
      });
    }
  }
  await em.flush();
  return firstTime;
}

async function seedOrganisations(em: EntityManager): Promise<void> {
  const odense = em.create(Authority, { id: DEMO.authorities.odense, name: "Odense Kommune", cvr: "35209115", address: "Flakhaven 2, 5000 Odense C", contact: "odense@odense.dk" });
  const skat = em.create(Authority, { id: DEMO.authorities.skattestyrelsen, name: "Skattestyrelsen", cvr: "43162928", address: "Østbanegade 123, 2100 København Ø", contact: "https://skat.dk/kontakt" });
  em.create(Authority, { id: DEMO.authorities.koebenhavn, name: "Københavns Kommune", cvr: "64942212", address: "Rådhuspladsen 1, 1550 København V", contact: "https://www.kk.dk/kontakt" });
  for (const { caseworker, authority, name } of DEMO.staff) {
    em.create(Caseworker, { id: caseworker, name, authority: authority === odense.id ? odense : skat });
  }
  em.create(CaseSystem, { id: DEMO.caseSystems.odense, name: "Odense Børne- og Ungeforvaltningens sagssystem", authority: odense });
  em.create(CaseSystem, { id: DEMO.caseSystems.skattestyrelsen, name: "Skattestyrelsens nettolønssystem", authority: skat });
  em.create(ThirdParty, { id: DEMO.thirdParties.shippingCompany, name: "Nordsø Rederi A/S", cvr: "12345678", address: "Havnegade 1, 6700 Esbjerg", contact: "samtykke@nordsoe-rederi.example" });
  await em.flush();
}
