import type { Caller } from "@samtykke/server-kit";
import type { Representation } from "../domain/access.js";
import { Channel } from "../domain/consent.js";
import { ActorKind } from "../entities/consent-event.entity.js";

/** Who made a change, how it reached the platform and why: written on every event. */
export interface EventActor {
  actorKind: ActorKind;
  actorId: string | null;
  onBehalfOfId?: string | null;
  channel?: string | null;
  reason?: string | null;
  assuranceLevel?: string | null;
  loginTransactionId?: string | null;
}

export const PLATFORM_ACTOR: EventActor = { actorKind: ActorKind.PLATFORM, actorId: null };

/** The caller as an event's actor; a citizen is named by their citizen id, never their CPR number. */
export function actorOf(caller: Caller, representation: Representation | null, extra: Partial<EventActor> = {}): EventActor {
  switch (caller.kind) {
    case "citizen":
      return {
        actorKind: ActorKind.CITIZEN,
        actorId: representation?.citizenId ?? null,
        channel: Channel.DIGITAL,
        assuranceLevel: caller.level,
        loginTransactionId: caller.transactionId,
        ...extra,
      };
    case "caseworker":
      return { actorKind: ActorKind.CASEWORKER, actorId: caller.caseworkerId, channel: Channel.ON_BEHALF, assuranceLevel: caller.level, loginTransactionId: caller.transactionId, ...extra };
    case "system":
      return { actorKind: ActorKind.CASE_SYSTEM, actorId: caller.caseSystemId, channel: Channel.API, ...extra };
    default:
      return { ...PLATFORM_ACTOR, ...extra };
  }
}
