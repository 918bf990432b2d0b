import { batchedReference, type ReferenceResolvers } from "@samtykke/server-kit";
import { ConsentTemplateEntity } from "../entities/consent-template.entity.js";
import { ConsentTemplate } from "../resolvers/consent-template.type.js";

export const referenceResolvers: ReferenceResolvers = {
  ConsentTemplate: { __resolveReference: batchedReference(ConsentTemplateEntity, ConsentTemplate.from) },
  // The party subgraph owns authorities; this one only adds their templates.
  Authority: { __resolveReference: ({ id }: { id: string }) => ({ id }) },
};
