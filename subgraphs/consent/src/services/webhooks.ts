import { randomBytes } from "node:crypto";
import type { EntityManager } from "@mikro-orm/postgresql";
import { formatPosition, NotFoundError, parsePosition, requireAuthority, requireCaller, type SecretBox } from "@samtykke/server-kit";
import type { Logger } from "pino";
import { backoffSeconds, SIGNATURE_HEADER, signWebhook, validateWebhookUrl } from "../domain/webhook.js";
import type { ConsentEventEntity } from "../entities/consent-event.entity.js";
import { WebhookSubscriptionEntity } from "../entities/webhook.entity.js";
import type { ConsentContext } from "../context.js";
import type { ConsentEventBus } from "./consent-event-bus.js";
import { eventsAfter, latestCursor, positionOf } from "./consent-event-stream.js";
import { confirmStoppedByWebhook } from "./confirm-stopped.js";
import { needsStopConfirmation } from "../domain/stop-confirmation.js";

const LEASE_SECONDS = 30;

/** The key purpose webhook secrets are sealed under (see SecretBox). */
export const WEBHOOK_SECRET_PURPOSE = "samtykke webhook secrets";
// Stored secrets are sealed; the prefix tells them from any kept in clear before they were.
const SEALED = "v1:";
const seal = (box: SecretBox, secret: string) => `${SEALED}${box.seal(secret)}`;
const openSecret = (box: SecretBox, stored: string) => (stored.startsWith(SEALED) ? box.open(stored.slice(SEALED.length)) : stored);

/** Seals any webhook secret still stored in clear (made before secrets were sealed). */
export async function sealPlainWebhookSecrets(em: EntityManager, box: SecretBox): Promise<void> {
  const fork = em.fork();
  // An authority has a few webhooks, not thousands: reading them all is the simple way.
  for (const subscription of await fork.find(WebhookSubscriptionEntity, {})) {
    if (!subscription.secret.startsWith(SEALED)) subscription.secret = seal(box, subscription.secret);
  }
  await fork.flush();
}
const BATCH = 50;

/** A case system registers an endpoint for its authority's events, from now on; the secret is shown this once. */
export async function registerWebhook(ctx: ConsentContext, url: string) {
  const system = requireCaller(ctx.caller, "system");
  const secret = randomBytes(32).toString("base64url");
  const subscription = ctx.em.create(WebhookSubscriptionEntity, {
    authorityId: system.authorityId,
    caseSystemId: system.caseSystemId,
    url: validateWebhookUrl(url, ctx.allowLoopbackWebhooks),
    secret: seal(ctx.webhookSecrets, secret),
    cursor: await latestCursor(ctx.em),
    createdAt: ctx.now(),
  });
  await ctx.em.flush();
  return { subscription, secret };
}

export async function webhooksOf(ctx: ConsentContext, limit: number) {
  const caller = requireCaller(ctx.caller, "system", "caseworker");
  return ctx.em.find(WebhookSubscriptionEntity, { authorityId: caller.authorityId }, { orderBy: { createdAt: "asc" }, limit });
}

/** Delivers again everything after `fromCursor` (a receiver that lost data, or a new one catching up). */
export async function replayWebhook(ctx: ConsentContext, id: string, fromCursor: string) {
  const subscription = await ctx.em.findOne(WebhookSubscriptionEntity, { id });
  if (!subscription) throw new NotFoundError({ da: "Webhooket findes ikke.", en: "Webhook not found." }, { id });
  requireAuthority(ctx.caller, subscription.authorityId);
  const from = parsePosition(fromCursor, "fromCursor");
  ctx.em.assign(subscription, { cursor: formatPosition(from), failures: 0, nextAttemptAt: null, lastError: null });
  await ctx.em.flush();
  return subscription;
}

/** What a receiver gets for one event; `cursor` orders them and names the event for acknowledgement. */
function payload(event: ConsentEventEntity): string {
  return JSON.stringify({
    cursor: formatPosition(positionOf(event)),
    consentId: event.consentId,
    action: event.action,
    status: event.status,
    occurredAt: event.occurredAt.toISOString(),
    actorKind: event.actorKind,
  });
}

/**
 * A receiver told of a withdrawal or expiry may answer `{"stopped": true}` to confirm, in the same
 * breath, that it has stopped acting on the consent (as `confirmConsentStopped` would).
 */
async function answersStopped(response: Response, event: ConsentEventEntity): Promise<boolean> {
  if (!needsStopConfirmation(event.status) || event.action === "confirmStop") return false;
  const answer = (await response.json().catch(() => null)) as { stopped?: unknown } | null;
  return answer?.stopped === true;
}

/**
 * Delivers each subscription's events in cursor order, at least once: the cursor moves only past an
 * event the endpoint answered 2xx; a failure waits 1, 2, 4, … s (up to 5 min) and tries the same
 * event again. One instance at a time holds a subscription's lease, so order holds across instances.
 */
export async function deliverDueWebhooks(em: EntityManager, secrets: SecretBox, events: ConsentEventBus, logger: Logger, now = new Date()): Promise<number> {
  const leased = await em.getConnection().execute<{ id: string }[]>(
    `update webhook_subscription set leased_until = ? where id in (
       select id from webhook_subscription
       where (leased_until is null or leased_until < ?) and (next_attempt_at is null or next_attempt_at <= ?)
       order by id limit 10 for update skip locked)
     returning id`,
    [new Date(now.getTime() + LEASE_SECONDS * 1000), now, now],
  );
  let delivered = 0;
  for (const { id } of leased) {
    const fork = em.fork();
    const subscription = await fork.findOneOrFail(WebhookSubscriptionEntity, { id });
    const secret = openSecret(secrets, subscription.secret);
    for (const event of await eventsAfter(fork, parsePosition(subscription.cursor), BATCH, { authorityId: subscription.authorityId })) {
      const cursor = formatPosition(positionOf(event));
      const body = payload(event);
      const attemptAt = new Date();
      let failure: string | null = null;
      try {
        const response = await fetch(subscription.url, {
          method: "POST",
          headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signWebhook(secret, body, attemptAt), "x-samtykke-cursor": cursor },
          body,
          redirect: "manual",
          signal: AbortSignal.timeout(5_000),
        });
        if (!response.ok) failure = `HTTP ${response.status}`;
        else if (await answersStopped(response, event)) {
          if (await confirmStoppedByWebhook(em, event.consentId, { kind: "CASE_SYSTEM", systemId: subscription.caseSystemId, organisationId: subscription.authorityId }, attemptAt)) events.committed();
        }
      } catch (error) {
        failure = (error as Error).message.slice(0, 200);
      }
      if (failure) {
        const failures = subscription.failures + 1;
        fork.assign(subscription, { failures, lastError: failure, nextAttemptAt: new Date(attemptAt.getTime() + backoffSeconds(failures) * 1000) });
        logger.warn({ webhook: subscription.id, cursor, failure }, "webhook delivery failed; will retry");
        break;
      }
      fork.assign(subscription, { cursor, failures: 0, lastError: null, lastDeliveryAt: attemptAt, nextAttemptAt: null });
      await fork.flush();
      delivered += 1;
    }
    fork.assign(subscription, { leasedUntil: null });
    await fork.flush();
  }
  return delivered;
}

export function startWebhookDelivery(em: EntityManager, secrets: SecretBox, events: ConsentEventBus, logger: Logger, intervalMs: number): () => Promise<void> {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    running ??= deliverDueWebhooks(em, secrets, events, logger)
      .catch((error) => logger.error({ err: error }, "webhook delivery failed"))
      .finally(() => (running = undefined));
  }, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
