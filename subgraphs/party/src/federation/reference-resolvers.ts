import { batchedReference, requireCaller, type ReferenceResolvers } from "@samtykke/server-kit";
import { requireCitizenVisible } from "../services/citizen-access.js";
import type { PartyContext } from "../context.js";
import { Authority } from "../entities/authority.entity.js";
import { CaseSystem } from "../entities/case-system.entity.js";
import { Caseworker } from "../entities/caseworker.entity.js";
import { ThirdParty } from "../entities/third-party.entity.js";
import { Citizen } from "../entities/citizen.entity.js";

const citizen = batchedReference(Citizen);
const caseworker = batchedReference(Caseworker);
const caseSystem = batchedReference(CaseSystem);

// Authorities and third parties are public names; people are not. A case system's name is shown to
// signed-in citizens too, who see which systems confirmed that they stopped using a consent. A
// reference is checked like a query: `_entities` called straight at this subgraph gets no further.
export const referenceResolvers: ReferenceResolvers = {
  Citizen: {
    __resolveReference: async (reference: { id: string }, ctx: PartyContext) => {
      await requireCitizenVisible(ctx, reference.id);
      return citizen(reference, ctx);
    },
  },
  Authority: { __resolveReference: batchedReference(Authority) },
  Caseworker: {
    __resolveReference: (reference: { id: string }, ctx: PartyContext) => (requireCaller(ctx.caller, "citizen", "caseworker", "system"), caseworker(reference, ctx)),
  },
  CaseSystem: {
    __resolveReference: (reference: { id: string }, ctx: PartyContext) => (requireCaller(ctx.caller, "citizen", "caseworker", "system"), caseSystem(reference, ctx)),
  },
  ThirdParty: { __resolveReference: batchedReference(ThirdParty) },
};
