import { batchedReference, type ReferenceResolvers } from "@samtykke/server-kit";
import { ConsentEntity } from "../entities/consent.entity.js";
import { toConsent } from "../resolvers/consent.mapper.js";

export const referenceResolvers: ReferenceResolvers = {
  Consent: { __resolveReference: batchedReference(ConsentEntity, toConsent) },
  // The party subgraph owns citizens and authorities; this one only adds their consents.
  Citizen: { __resolveReference: ({ id }: { id: string }) => ({ id }) },
  Authority: { __resolveReference: ({ id }: { id: string }) => ({ id }) },
};
