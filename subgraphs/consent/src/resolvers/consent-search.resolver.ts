import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { pageSize, requireAuthority, requireCaller } from "@samtykke/server-kit";
import { relationTo } from "../domain/access.js";
import { auditReads } from "../services/audit.js";
import { consentsOfCitizen, consentStatusCounts, consentsToRead, searchConsents } from "../services/consent-search.js";
import type { ConsentContext } from "../context.js";
import { toConsent } from "./consent.mapper.js";
import { Authority, Citizen, Consent } from "./consent.type.js";
import { ConsentConnection, ConsentFilter, ConsentOrder, ConsentStatusCount } from "./consent-connection.type.js";

/** Finding consents: the authority's search, its counts, and the lists on a citizen and an authority. */
@Resolver(() => ConsentConnection)
export class ConsentSearchResolver {
  @Query(() => ConsentConnection, {
    description: "Find the caller's authority's consents: by citizen, template key, status, case, channel, when requested, expiring soon or awaiting stop confirmations.",
  })
  async consents(
    @Arg("filter", () => ConsentFilter, { nullable: true }) filter: ConsentFilter | undefined,
    @Arg("first", () => Int, { defaultValue: 50, description: "At most 100." }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | undefined,
    @Arg("order", () => ConsentOrder, { defaultValue: ConsentOrder.NEWEST_FIRST }) order: ConsentOrder,
    @Ctx() ctx: ConsentContext,
  ): Promise<ConsentConnection> {
    const caller = requireCaller(ctx.caller, "caseworker", "system");
    const { cpr, citizenId, authorityId, ...rest } = filter ?? {};
    if (authorityId) requireAuthority(caller, authorityId);
    const subjectId = cpr ? await ctx.supergraph.citizenIdByCpr(cpr, ctx) : citizenId;
    const page = await searchConsents(ctx.em, { ...rest, subjectId, authorityId: caller.authorityId }, first, after, order);
    // A list is one search on record, not one read per row: a caseworker paging through the
    // authority's consents would otherwise fill every citizen's access log. A search for one
    // citizen is theirs to see.
    await auditReads(ctx, "search", [], { subjectId, purpose: rest.caseReference ?? rest.templateKey ?? null });
    return {
      edges: page.edges.map(({ cursor, consent }) => ({ cursor, node: toConsent(consent) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      count: page.count,
    };
  }

  @FieldResolver(() => Int, { description: "How many consents match the filter in all, on every page." })
  totalCount(@Root() connection: ConsentConnection): Promise<number> {
    return connection.count();
  }

  @Query(() => [ConsentStatusCount], { description: "How many of the caller's authority's consents are in each status; every status is listed." })
  async consentStatusCounts(@Ctx() ctx: ConsentContext): Promise<ConsentStatusCount[]> {
    const caller = requireCaller(ctx.caller, "caseworker", "system");
    return consentStatusCounts(ctx.em, caller.authorityId);
  }
}

@Resolver(() => Citizen)
export class CitizenConsentsResolver {
  @FieldResolver(() => [Consent], { description: "Consents concerning the citizen that the caller may see, newest first." })
  async consents(
    @Root() citizen: Citizen,
    @Arg("first", () => Int, { defaultValue: 50, description: "At most 100." }) first: number,
    @Ctx() ctx: ConsentContext,
  ): Promise<Consent[]> {
    const caller = requireCaller(ctx.caller, "citizen", "caseworker", "system");
    const representation = await ctx.representation();
    const rows = (await consentsOfCitizen(ctx.em, citizen.id, caller.kind === "citizen" ? null : caller.authorityId, pageSize(first))).filter(
      (row) => relationTo(caller, row, representation) !== "NONE",
    );
    // Staff looking up a citizen's consents is one search the citizen sees; a citizen's own reads stay reads.
    if (caller.kind === "citizen") await auditReads(ctx, "read", rows);
    else await auditReads(ctx, "search", [], { subjectId: citizen.id });
    return rows.map(toConsent);
  }
}

@Resolver(() => Authority)
export class AuthorityConsentsResolver {
  @FieldResolver(() => [Consent], { description: "Consents the authority receives, newest first." })
  async consents(
    @Root() authority: Authority,
    @Arg("first", () => Int, { defaultValue: 50, description: "At most 100." }) first: number,
    @Ctx() ctx: ConsentContext,
  ): Promise<Consent[]> {
    requireAuthority(ctx.caller, authority.id);
    const rows = await consentsToRead(ctx.em, { authorityId: authority.id }, { orderBy: { requestedAt: "desc" }, limit: pageSize(first) });
    // The authority's own list is one search on record, in no citizen's access log (see `consents`).
    await auditReads(ctx, "search", []);
    return rows.map(toConsent);
  }
}
