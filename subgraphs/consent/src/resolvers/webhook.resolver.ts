import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { pageSize } from "@samtykke/server-kit";
import type { ConsentContext } from "../context.js";
import type { WebhookSubscriptionEntity } from "../entities/webhook.entity.js";
import { registerWebhook, replayWebhook, webhooksOf } from "../services/webhooks.js";

@ObjectType({ description: "A case system's endpoint for its authority's consent events, and how delivery stands." })
export class WebhookSubscription {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  url!: string;

  @Field(() => String, { description: "The last event the endpoint acknowledged (2xx)." })
  cursor!: string;

  @Field(() => Date, { nullable: true })
  lastDeliveryAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Why the last attempt failed; null after a success." })
  lastError!: string | null;

  @Field(() => Int, { description: "Failed attempts in a row; each waits longer (1, 2, 4 … s, at most 5 min)." })
  failures!: number;

  @Field(() => Date, { nullable: true })
  nextAttemptAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType()
export class RegisteredWebhook {
  @Field(() => WebhookSubscription)
  subscription!: WebhookSubscription;

  @Field(() => String, { description: "The HMAC-SHA256 key for x-samtykke-signature (t=…,v1=…); shown only now." })
  secret!: string;
}

const toWebhook = (row: WebhookSubscriptionEntity): WebhookSubscription => ({
  id: row.id,
  url: row.url,
  cursor: row.cursor,
  lastDeliveryAt: row.lastDeliveryAt ?? null,
  lastError: row.lastError ?? null,
  failures: row.failures,
  nextAttemptAt: row.nextAttemptAt ?? null,
  createdAt: row.createdAt,
});

@Resolver(() => WebhookSubscription)
export class WebhookResolver {
  @Mutation(() => RegisteredWebhook, {
    description: "A case system registers an https endpoint for its authority's events from now on: at least once, in order, signed, retried with back-off.",
  })
  async registerWebhook(@Arg("url", () => String) url: string, @Ctx() ctx: ConsentContext): Promise<RegisteredWebhook> {
    const { subscription, secret } = await registerWebhook(ctx, url);
    return { subscription: toWebhook(subscription), secret };
  }

  @Query(() => [WebhookSubscription], { description: "The authority's webhooks and how their deliveries stand." })
  async webhooks(
    @Arg("first", () => Int, { defaultValue: 100, description: "At most 100." }) first: number,
    @Ctx() ctx: ConsentContext,
  ): Promise<WebhookSubscription[]> {
    return (await webhooksOf(ctx, pageSize(first))).map(toWebhook);
  }

  @Mutation(() => WebhookSubscription, { description: "Deliver again every event after this cursor." })
  async replayWebhook(@Arg("id", () => ID) id: string, @Arg("fromCursor", () => String) fromCursor: string, @Ctx() ctx: ConsentContext): Promise<WebhookSubscription> {
    return toWebhook(await replayWebhook(ctx, id, fromCursor));
  }
}
