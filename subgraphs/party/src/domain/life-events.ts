import { ValidationError } from "@samtykke/server-kit";

/** What the person register (CPR) publishes about a person that the platform acts on. */
export enum LifeEventKind {
  DIED = "DIED",
  CUSTODY_STARTED = "CUSTODY_STARTED",
  CUSTODY_ENDED = "CUSTODY_ENDED",
  /** A guardian (værge) appointed under the Guardianship Act, for personal and/or financial matters. */
  GUARDIAN_APPOINTED = "GUARDIAN_APPOINTED",
  GUARDIAN_REMOVED = "GUARDIAN_REMOVED",
  /** Name and address protection (navne- og adressebeskyttelse) started or ended. */
  PROTECTION_STARTED = "PROTECTION_STARTED",
  PROTECTION_ENDED = "PROTECTION_ENDED",
}

/** What a guardianship covers; consent is a personal matter, so only a personal guardianship acts on consents. */
export enum GuardianshipScope {
  PERSONAL = "PERSONAL",
  FINANCIAL = "FINANCIAL",
}

/** The events that name a second person: the custody holder or the guardian. */
const WITH_OTHER = new Set([LifeEventKind.CUSTODY_STARTED, LifeEventKind.CUSTODY_ENDED, LifeEventKind.GUARDIAN_APPOINTED, LifeEventKind.GUARDIAN_REMOVED]);

export interface LifeEventInput {
  /** The register's own id of the event: the same event sent twice is recognised by it. */
  registerEventId: string;
  kind: LifeEventKind;
  cpr: string;
  /** The custody holder or guardian, for the events that name one. */
  otherCpr?: string | null;
  occurredOn: Date;
  guardianshipScope?: readonly GuardianshipScope[] | null;
}

const invalid = (field: string, da: string, en: string) => new ValidationError({ da, en }, { field });

/** An event as the register sent it, checked: the second person where the kind names one, and a scope for a guardian. */
export function checkLifeEvent(input: LifeEventInput, now: Date) {
  const registerEventId = input.registerEventId.trim();
  if (!registerEventId || registerEventId.length > 100) {
    throw invalid("registerEventId", "Registerets hændelses-id skal være 1-100 tegn.", "The register's event id must be 1-100 characters.");
  }
  const otherCpr = input.otherCpr?.trim() || null;
  if (WITH_OTHER.has(input.kind) && !otherCpr) {
    throw invalid("otherCpr", "Hændelsen skal nævne forældremyndighedsindehaveren eller værgen.", "The event must name the custody holder or the guardian.");
  }
  if (!WITH_OTHER.has(input.kind) && otherCpr) {
    throw invalid("otherCpr", "Denne hændelse nævner ikke en anden person.", "This event names no other person.");
  }
  const scope = [...new Set(input.guardianshipScope ?? [])];
  if (input.kind === LifeEventKind.GUARDIAN_APPOINTED && scope.length === 0) {
    throw invalid("guardianshipScope", "Angiv, hvad værgemålet omfatter: personlige og/eller økonomiske forhold.", "Say what the guardianship covers: personal and/or financial matters.");
  }
  if (input.occurredOn > now) throw invalid("occurredOn", "Hændelsen kan ikke ligge i fremtiden.", "The event cannot lie in the future.");
  return { registerEventId, kind: input.kind, cpr: input.cpr, otherCpr, occurredOn: input.occurredOn, guardianshipScope: scope };
}

/** A guardian acts on consents for the person when the guardianship covers personal matters. */
export function guardianActsOnConsents(scope: readonly GuardianshipScope[]): boolean {
  return scope.includes(GuardianshipScope.PERSONAL);
}
