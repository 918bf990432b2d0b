import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { NotFoundError, pageSize, requireAuthority, requireCaller, type SubgraphContext } from "@samtykke/server-kit";
import { TemplateStatus } from "../domain/template.js";
import { ConsentTemplateEntity } from "../entities/consent-template.entity.js";
import { createTemplate, publishTemplate, retireTemplate, updateTemplateDraft } from "../services/template.service.js";
import { Authority, ConsentTemplate, TextReadability } from "./consent-template.type.js";
import { readabilityOf } from "../domain/readability.js";
import { CreateTemplateInput, TemplateDraftInput, toDraftContent } from "./create-template.input.js";

@Resolver(() => ConsentTemplate)
export class ConsentTemplateResolver {
  @Query(() => [ConsentTemplate], { description: "Templates, newest version first; published ones unless a status is given." })
  async templates(
    @Arg("authorityId", () => ID, { nullable: true }) authorityId: string | undefined,
    @Arg("status", () => TemplateStatus, { defaultValue: TemplateStatus.PUBLISHED }) status: TemplateStatus,
    @Arg("first", () => Int, { defaultValue: 50, description: "At most 100." }) first: number,
    @Ctx() { em, caller }: SubgraphContext,
  ): Promise<ConsentTemplate[]> {
    // Published and retired versions are public; drafts are the authority's own work in progress.
    if (status === TemplateStatus.DRAFT) {
      const author = requireCaller(caller, "caseworker");
      if (authorityId) requireAuthority(caller, authorityId, "caseworker");
      authorityId = author.authorityId;
    }
    const rows = await em.find(
      ConsentTemplateEntity,
      { status, ...(authorityId ? { authorityId } : {}) },
      { orderBy: { key: "asc", version: "desc" }, limit: pageSize(first) },
    );
    return rows.map(ConsentTemplate.from);
  }

  @Mutation(() => ConsentTemplate, { description: "Draft a template, or the next version of one the authority has." })
  async createTemplate(
    @Arg("input", () => CreateTemplateInput) input: CreateTemplateInput,
    @Ctx() { em, caller }: SubgraphContext,
  ): Promise<ConsentTemplate> {
    requireAuthority(caller, input.authorityId, "caseworker");
    const { authorityId, key, ...draft } = input;
    return ConsentTemplate.from(await createTemplate(em, { authorityId, key, ...toDraftContent(draft as TemplateDraftInput) }, new Date()));
  }

  @Mutation(() => ConsentTemplate, { description: "Replace everything a draft says (texts, choices, rules). Only a draft is changed; a published version gets a new version instead." })
  async updateTemplateDraft(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => TemplateDraftInput) input: TemplateDraftInput,
    @Ctx() { em, caller }: SubgraphContext,
  ): Promise<ConsentTemplate> {
    return ConsentTemplate.from(await updateTemplateDraft(em, id, toDraftContent(input), new Date(), (template) => requireAuthority(caller, template.authorityId, "caseworker")));
  }

  @Mutation(() => ConsentTemplate, { description: "Publish a draft; earlier published versions of its key retire." })
  async publishTemplate(
    @Arg("id", () => ID) id: string,
    @Arg("readabilityReason", () => String, {
      nullable: true,
      description: "Why a Danish text over LIX 55 must stand as it is (a legal term, a diagnosis); without one such a version is refused. At most 1000 characters.",
    })
    readabilityReason: string | null | undefined,
    @Ctx() { em, caller }: SubgraphContext,
  ): Promise<ConsentTemplate> {
    return ConsentTemplate.from(
      await publishTemplate(em, id, new Date(), (template) => requireAuthority(caller, template.authorityId, "caseworker"), readabilityReason ?? null),
    );
  }

  // Scored only when asked for: templates are also resolved for every list that shows a title.
  @FieldResolver(() => [TextReadability], {
    description: "The LIX readability of each Danish text a citizen reads (under 35 easy, 35-44 medium, 45 and above hard); over 55 a version is published only with a reason.",
  })
  readability(@Root() template: ConsentTemplate): TextReadability[] {
    return readabilityOf(template);
  }

  @Mutation(() => ConsentTemplate, { description: "Stop asking with a published version; consents given on it stand." })
  async retireTemplate(@Arg("id", () => ID) id: string, @Ctx() { em, caller }: SubgraphContext): Promise<ConsentTemplate> {
    return ConsentTemplate.from(await retireTemplate(em, id, (template) => requireAuthority(caller, template.authorityId, "caseworker")));
  }

  @Query(() => [ConsentTemplate], {
    description: "Every published and retired version of a template key, newest first: the public register of what an authority has asked, and how it changed. Anyone may read it.",
  })
  async templateVersions(@Arg("key", () => String) key: string, @Ctx() { em }: SubgraphContext): Promise<ConsentTemplate[]> {
    const rows = await em.find(
      ConsentTemplateEntity,
      { key: key.trim(), status: { $in: [TemplateStatus.PUBLISHED, TemplateStatus.RETIRED] } },
      { orderBy: { version: "desc" }, limit: 100 },
    );
    return rows.map(ConsentTemplate.from);
  }

  @Query(() => ConsentTemplate)
  async template(@Arg("id", () => ID) id: string, @Ctx() { em, caller }: SubgraphContext): Promise<ConsentTemplate> {
    const row = await em.findOne(ConsentTemplateEntity, { id });
    if (!row) throw new NotFoundError({ da: "Skabelonen findes ikke", en: "Template not found" }, { id });
    if (row.status === TemplateStatus.DRAFT) requireAuthority(caller, row.authorityId, "caseworker");
    return ConsentTemplate.from(row);
  }
}

@Resolver(() => Authority)
export class AuthorityTemplatesResolver {
  @FieldResolver(() => [ConsentTemplate], { description: "The authority's published templates." })
  async templates(
    @Root() authority: Authority,
    @Arg("first", () => Int, { defaultValue: 50, description: "At most 100." }) first: number,
    @Ctx() { em }: SubgraphContext,
  ): Promise<ConsentTemplate[]> {
    const rows = await em.find(
      ConsentTemplateEntity,
      { authorityId: authority.id, status: TemplateStatus.PUBLISHED },
      { orderBy: { key: "asc", version: "desc" }, limit: pageSize(first) },
    );
    return rows.map(ConsentTemplate.from);
  }
}
