import { batchedReference, type ReferenceResolvers } from "@samtykke/server-kit";
import { Authority } from "../entities/authority.entity.js";
import { Caseworker } from "../entities/caseworker.entity.js";
import { Citizen } from "../entities/citizen.entity.js";

export const referenceResolvers: ReferenceResolvers = {
  Citizen: { __resolveReference: batchedReference(Citizen) },
  Authority: { __resolveReference: batchedReference(Authority) },
  Caseworker: { __resolveReference: batchedReference(Caseworker) },
};
