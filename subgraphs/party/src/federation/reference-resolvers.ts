import type { ReferenceResolvers } from "@samtykke/server-kit";
import { Authority } from "../entities/authority.entity.js";
import { Caseworker } from "../entities/caseworker.entity.js";
import { Citizen } from "../entities/citizen.entity.js";
import type { PartyContext } from "../context.js";

// findOne goes through the request's identity map, so a list of consents that all point at the
// same citizen loads that citizen once.
export const referenceResolvers: ReferenceResolvers = {
  Citizen: { __resolveReference: ({ id }: { id: string }, { em }: PartyContext) => em.findOne(Citizen, { id }) },
  Authority: { __resolveReference: ({ id }: { id: string }, { em }: PartyContext) => em.findOne(Authority, { id }) },
  Caseworker: { __resolveReference: ({ id }: { id: string }, { em }: PartyContext) => em.findOne(Caseworker, { id }) },
};
