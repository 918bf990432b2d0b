import { batchedReference, type ReferenceResolvers } from "@samtykke/server-kit";
import { Authority } from "../entities/authority.entity.js";
import { CaseSystem } from "../entities/case-system.entity.js";
import { Caseworker } from "../entities/caseworker.entity.js";
import { ThirdParty } from "../entities/third-party.entity.js";
import { Citizen } from "../entities/citizen.entity.js";

export const referenceResolvers: ReferenceResolvers = {
  Citizen: { __resolveReference: batchedReference(Citizen) },
  Authority: { __resolveReference: batchedReference(Authority) },
  Caseworker: { __resolveReference: batchedReference(Caseworker) },
  CaseSystem: { __resolveReference: batchedReference(CaseSystem) },
  ThirdParty: { __resolveReference: batchedReference(ThirdParty) },
};
