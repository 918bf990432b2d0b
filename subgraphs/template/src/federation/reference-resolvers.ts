import { batchedReference, requireAuthority, type ReferenceResolvers, type SubgraphContext } from "@samtykke/server-kit";
import { TemplateStatus } from "../domain/template.js";
import { ConsentTemplateEntity } from "../entities/consent-template.entity.js";
import { ConsentTemplate } from "../resolvers/consent-template.type.js";

const template = batchedReference(ConsentTemplateEntity);

export const referenceResolvers: ReferenceResolvers = {
  // A draft is its authority's work in progress, through `_entities` as through `template(id)`.
  ConsentTemplate: {
    __resolveReference: async (reference: { id: string }, ctx: SubgraphContext) => {
      const row = await template(reference, ctx);
      if (!row) return null;
      if (row.status === TemplateStatus.DRAFT) requireAuthority(ctx.caller, row.authorityId, "caseworker");
      return ConsentTemplate.from(row);
    },
  },
  // The party subgraph owns authorities; this one only adds their templates.
  Authority: { __resolveReference: ({ id }: { id: string }) => ({ id }) },
};
