import { ConflictError, InvalidTransitionError } from "@samtykke/server-kit";

export enum ConsentStatus {
  /** Asked for; the citizen has not answered. */
  REQUESTED = "REQUESTED",
  /** Given and in force. */
  ACTIVE = "ACTIVE",
  /** Given, but suspended by the citizen for now. */
  PAUSED = "PAUSED",
  DECLINED = "DECLINED",
  WITHDRAWN = "WITHDRAWN",
  EXPIRED = "EXPIRED",
  /** A single-use consent that has been used. */
  USED = "USED",
  /** Ended because the case it was bound to was closed, or a consent on a newer version replaced it. */
  CLOSED = "CLOSED",
  /** The request was withdrawn by the authority before an answer (or lapsed when the child it was for came of age). */
  CANCELLED = "CANCELLED",
  /** Nobody answered the request by its deadline. */
  UNANSWERED = "UNANSWERED",
}

export type ConsentAction =
  | "give"
  | "decline"
  | "withdraw"
  | "pause"
  | "resume"
  | "expire"
  | "markUsed"
  | "closeCase"
  | "supersede"
  | "cancel"
  | "lapse"
  | "remind"
  | "followUp"
  | "followUpDone"
  | "askYoungPerson"
  | "subjectDied"
  | "addGiver"
  | "removeGiver";

const { REQUESTED, ACTIVE, PAUSED, DECLINED, WITHDRAWN, EXPIRED, USED, CLOSED, CANCELLED, UNANSWERED } = ConsentStatus;

/** The one table of legal transitions: for each action, the statuses it may start from and where it leads. */
export const TRANSITIONS: Record<ConsentAction, { from: readonly ConsentStatus[]; to: ConsentStatus }> = {
  give: { from: [REQUESTED], to: ACTIVE },
  decline: { from: [REQUESTED], to: DECLINED },
  cancel: { from: [REQUESTED], to: CANCELLED },
  // The answer deadline passed with no answer.
  lapse: { from: [REQUESTED], to: UNANSWERED },
  pause: { from: [ACTIVE], to: PAUSED },
  resume: { from: [PAUSED], to: ACTIVE },
  withdraw: { from: [ACTIVE, PAUSED], to: WITHDRAWN },
  markUsed: { from: [ACTIVE], to: USED },
  expire: { from: [ACTIVE, PAUSED], to: EXPIRED },
  closeCase: { from: [REQUESTED, ACTIVE, PAUSED], to: CLOSED },
  // The holder gave consent again on a newer version: the old one ends without being withdrawn.
  supersede: { from: [ACTIVE, PAUSED], to: CLOSED },
  // The authority reminds the givers who have not answered; the request stands as it was.
  remind: { from: [REQUESTED], to: REQUESTED },
  // Still unanswered: the caseworker gets a task to follow it up, and marks it done when they have.
  followUp: { from: [REQUESTED], to: REQUESTED },
  followUpDone: { from: [REQUESTED], to: REQUESTED },
  // The child turned 15 and the template lets the young person answer: the request is theirs now (alone or with the holders).
  askYoungPerson: { from: [REQUESTED], to: REQUESTED },
  // The person register says the citizen has died: every consent and request of theirs ends.
  subjectDied: { from: [REQUESTED, ACTIVE, PAUSED], to: CLOSED },
  // Custody changed while a request waits on the custody holders: a new holder is asked, a former one no longer.
  addGiver: { from: [REQUESTED], to: REQUESTED },
  removeGiver: { from: [REQUESTED], to: REQUESTED },
};

export const FINAL_STATUSES: readonly ConsentStatus[] = [DECLINED, WITHDRAWN, EXPIRED, USED, CLOSED, CANCELLED, UNANSWERED];

const STATUS_DA: Record<ConsentStatus, string> = {
  REQUESTED: "anmodet",
  ACTIVE: "aktivt",
  PAUSED: "sat på pause",
  DECLINED: "afvist",
  WITHDRAWN: "trukket tilbage",
  EXPIRED: "udløbet",
  USED: "opbrugt",
  CLOSED: "afsluttet",
  CANCELLED: "annulleret",
  UNANSWERED: "ubesvaret",
};

const ACTION_DA: Record<ConsentAction, string> = {
  give: "gives",
  decline: "afvises",
  withdraw: "trækkes tilbage",
  pause: "sættes på pause",
  resume: "genoptages",
  expire: "udløbe",
  markUsed: "markeres som brugt",
  closeCase: "afsluttes med sagen",
  supersede: "erstattes af en nyere version",
  cancel: "annulleres",
  lapse: "udløbe ubesvaret",
  remind: "mindes om",
  followUp: "følges op",
  followUpDone: "meldes fulgt op",
  askYoungPerson: "gå videre til den unge",
  subjectDied: "afsluttes ved dødsfald",
  addGiver: "få en ny giver",
  removeGiver: "miste en giver",
};

const ACTION_EN: Record<ConsentAction, string> = {
  give: "given",
  decline: "declined",
  withdraw: "withdrawn",
  pause: "paused",
  resume: "resumed",
  expire: "expired",
  markUsed: "marked used",
  closeCase: "closed with its case",
  supersede: "replaced by a newer version",
  cancel: "cancelled",
  lapse: "left unanswered",
  remind: "reminded of",
  followUp: "followed up",
  followUpDone: "marked followed up",
  askYoungPerson: "passed to the young person",
  subjectDied: "ended by a death",
  addGiver: "given a new giver",
  removeGiver: "relieved of a giver",
};

/** Where `action` takes a consent in `current`, or an InvalidTransitionError that changes nothing. */
export function nextStatus(current: ConsentStatus, action: ConsentAction): ConsentStatus {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(current)) {
    throw new InvalidTransitionError(
      {
        da: `Et samtykke, der er ${STATUS_DA[current]}, kan ikke ${ACTION_DA[action]}.`,
        en: `A consent that is ${current.toLowerCase()} cannot be ${ACTION_EN[action]}.`,
      },
      { status: current, action },
    );
  }
  return transition.to;
}

/** The least time between two reminders of one request, so a citizen is not pressed. */
export const REMINDER_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** A reminder is refused within a day of the last one; `lastReminderAt` is null before the first. */
export function requireReminderAllowed(lastReminderAt: Date | null, now: Date): void {
  if (lastReminderAt && now.getTime() - lastReminderAt.getTime() < REMINDER_INTERVAL_MS) {
    throw new ConflictError(
      { da: "Borgeren har fået en påmindelse inden for det seneste døgn. Vent med den næste.", en: "The citizen was reminded within the last day. Wait before the next reminder." },
      { field: "id", lastReminderAt: lastReminderAt.toISOString() },
    );
  }
}
