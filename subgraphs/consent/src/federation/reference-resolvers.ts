import { batchedReference, NotFoundError, type ReferenceResolvers } from "@samtykke/server-kit";
import { requireRead } from "../domain/access.js";
import { ConsentEntity } from "../entities/consent.entity.js";
import { toConsent } from "../resolvers/consent.mapper.js";
import type { ConsentContext } from "../context.js";

const consent = batchedReference(ConsentEntity);

export const referenceResolvers: ReferenceResolvers = {
  // Checked like the consent query: `_entities` called straight at this subgraph gets no further.
  Consent: {
    __resolveReference: async (reference: { id: string }, ctx: ConsentContext) => {
      const row = await consent(reference, ctx);
      if (!row) return null;
      try {
        requireRead(ctx.caller, row, await ctx.representation());
      } catch (error) {
        // Another's consent resolves as one that does not exist.
        if (error instanceof NotFoundError) return null;
        throw error;
      }
      return toConsent(row);
    },
  },
  // The party subgraph owns citizens and authorities; this one only adds their consents.
  Citizen: { __resolveReference: ({ id }: { id: string }) => ({ id }) },
  Authority: { __resolveReference: ({ id }: { id: string }) => ({ id }) },
  // The template subgraph owns templates; this one only adds how many consents are in force on each.
  ConsentTemplate: { __resolveReference: ({ id }: { id: string }) => ({ id }) },
};
