import type { ReferenceResolvers, SubgraphContext } from "@samtykke/server-kit";
import { ConsentTemplateEntity } from "../entities/consent-template.entity.js";
import { ConsentTemplate } from "../resolvers/consent-template.type.js";

export const referenceResolvers: ReferenceResolvers = {
  ConsentTemplate: {
    __resolveReference: async ({ id }: { id: string }, { em }: SubgraphContext) => {
      const row = await em.findOne(ConsentTemplateEntity, { id });
      return row && ConsentTemplate.from(row);
    },
  },
  // The party subgraph owns authorities; this one only adds their templates.
  Authority: { __resolveReference: ({ id }: { id: string }) => ({ id }) },
};
