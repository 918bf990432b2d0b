import type { ReferenceResolvers } from "@samtykke/server-kit";
import { ConsentEntity } from "../entities/consent.entity.js";
import { toConsent } from "../resolvers/consent.mapper.js";
import type { ConsentContext } from "../context.js";

export const referenceResolvers: ReferenceResolvers = {
  Consent: {
    __resolveReference: async ({ id }: { id: string }, { em }: ConsentContext) => {
      const consent = await em.findOne(ConsentEntity, { id });
      return consent && toConsent(consent);
    },
  },
  // The party subgraph owns citizens and authorities; this one only adds their consents.
  Citizen: { __resolveReference: ({ id }: { id: string }) => ({ id }) },
  Authority: { __resolveReference: ({ id }: { id: string }) => ({ id }) },
};
