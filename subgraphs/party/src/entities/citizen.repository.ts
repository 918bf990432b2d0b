import type { EntityManager } from "@mikro-orm/postgresql";
import { parseCpr } from "../domain/cpr.js";
import type { CprVault } from "../domain/cpr-vault.js";
import { registeredName } from "../domain/person-register.js";
import { Citizen } from "./citizen.entity.js";

/** The citizen with a CPR number if one is registered; null otherwise, and nobody is registered. */
export async function findRegisteredCitizen(em: EntityManager, vault: CprVault, cprInput: string): Promise<Citizen | null> {
  return em.findOne(Citizen, { cprHash: vault.lookupHash(parseCpr(cprInput).value) });
}

/**
 * Finds the citizen with a CPR number, creating them from the person register the first time the
 * number is looked up (any valid number belongs to somebody).
 */
export async function findOrRegisterCitizen(em: EntityManager, vault: CprVault, cprInput: string): Promise<Citizen> {
  const { value: cpr, birthDate } = parseCpr(cprInput);
  const cprHash = vault.lookupHash(cpr);
  const existing = await em.findOne(Citizen, { cprHash });
  if (existing) return existing;
  await em
    .createQueryBuilder(Citizen)
    .insert({ cprHash, cprEncrypted: vault.encrypt(cpr), name: registeredName(cpr), birthDate, id: crypto.randomUUID(), createdAt: new Date() })
    .onConflict("cprHash")
    .ignore()
    .execute();
  return em.findOneOrFail(Citizen, { cprHash });
}
