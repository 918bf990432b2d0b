import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from "type-graphql";
import { pageSize, requireCaller } from "@samtykke/server-kit";
import { CampaignStatus, ReconsentCampaignEntity } from "../entities/reconsent-campaign.entity.js";
import { requestReconsent, startReconsentCampaign } from "../services/reconsent.js";
import type { ConsentContext } from "../context.js";
import { ReconsentResult } from "./consent.type.js";

registerEnumType(CampaignStatus, { name: "CampaignStatus", description: "RUNNING while holders are still being asked; DONE when every one has been." });

@ObjectType({ description: "How the citizens asked again by re-consent requests on a template version have answered so far." })
class CampaignAnswers {
  @Field(() => Int)
  given!: number;

  @Field(() => Int)
  declined!: number;

  @Field(() => Int, { description: "Not answered yet." })
  unanswered!: number;

  @Field(() => Int, { description: "Ended unanswered: the deadline passed, or the request was cancelled." })
  lapsed!: number;
}

@ObjectType({ description: "Asking every holder of a consent on an older version of a template to consent again to its new version, done in the background." })
class ReconsentCampaign {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: "The template version holders are asked to consent to." })
  templateId!: string;

  @Field(() => CampaignStatus)
  status!: CampaignStatus;

  @Field(() => Int, { description: "Holders of older versions when it started." })
  total!: number;

  @Field(() => Int, { description: "Requests sent so far." })
  requested!: number;

  @Field(() => Int, { description: "Holders left alone: same text, already asked, or no case for a version bound to one." })
  skipped!: number;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

const toCampaign = (entity: ReconsentCampaignEntity): ReconsentCampaign => ({
  id: entity.id,
  templateId: entity.templateId,
  status: entity.status,
  total: entity.total,
  requested: entity.requested,
  skipped: entity.skipped,
  startedAt: entity.startedAt,
  finishedAt: entity.finishedAt ?? null,
});

@Resolver(() => ReconsentCampaign)
export class ReconsentResolver {
  @Mutation(() => ReconsentResult, {
    description:
      "Ask holders of consents on older versions of this published template to consent again to its changed text, all within this request. The old consents stay valid until answered. For many holders, start a campaign instead.",
  })
  async requestReconsent(@Arg("templateId", () => ID) templateId: string, @Ctx() ctx: ConsentContext): Promise<ReconsentResult> {
    return requestReconsent(ctx, templateId);
  }

  @Mutation(() => ReconsentCampaign, {
    description:
      "Start asking every holder of a consent on an older version of this published template to consent again, in the background; answers at once. While one runs for the template, it is the answer.",
  })
  async startReconsentCampaign(@Arg("templateId", () => ID) templateId: string, @Ctx() ctx: ConsentContext): Promise<ReconsentCampaign> {
    return toCampaign(await startReconsentCampaign(ctx, templateId));
  }

  @Query(() => [ReconsentCampaign], { description: "The caller's authority's re-consent campaigns for a template version, newest first." })
  async reconsentCampaigns(
    @Arg("templateId", () => ID) templateId: string,
    @Arg("first", () => Int, { defaultValue: 10, description: "At most 100." }) first: number,
    @Ctx() ctx: ConsentContext,
  ): Promise<ReconsentCampaign[]> {
    const caller = requireCaller(ctx.caller, "caseworker", "system");
    const rows = await ctx.em.find(ReconsentCampaignEntity, { templateId, authorityId: caller.authorityId }, { orderBy: { startedAt: "desc" }, limit: pageSize(first) });
    return rows.map(toCampaign);
  }

  @FieldResolver(() => CampaignAnswers, { description: "The answers to every re-consent request on the version so far." })
  async answers(@Root() campaign: ReconsentCampaign, @Ctx() { em }: ConsentContext): Promise<CampaignAnswers> {
    const [row] = await em.execute<{ given: string; declined: string; unanswered: string; lapsed: string }[]>(
      `select count(*) filter (where valid_from is not null) as given,
              count(*) filter (where status = 'DECLINED') as declined,
              count(*) filter (where status = 'REQUESTED') as unanswered,
              count(*) filter (where status in ('CANCELLED', 'CLOSED', 'UNANSWERED') and valid_from is null) as lapsed
         from consent where template_id = ? and replaces_consent_id is not null`,
      [campaign.templateId],
    );
    return { given: Number(row!.given), declined: Number(row!.declined), unanswered: Number(row!.unanswered), lapsed: Number(row!.lapsed) };
  }
}
