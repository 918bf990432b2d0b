import { ConflictError, ValidationError } from "@samtykke/server-kit";
import { ConsentStatus } from "./consent-state.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a template version says about a request nobody answers (both in days after the request). */
export interface FollowUpRules {
  reminderAfterDays?: number | null;
  followUpAfterDays?: number | null;
}

/** When each step of a request's follow-up falls due, and whether the caseworker's task is open or done. */
export interface FollowUpState {
  status: ConsentStatus;
  answerBy?: Date | null;
  /** The reminder letter's due time; null once sent, or when there is none. */
  reminderDueAt?: Date | null;
  /** When the caseworker's task opens; null once opened, or when there is none. */
  followUpDueAt?: Date | null;
  followUpOpenedAt?: Date | null;
  followUpDoneAt?: Date | null;
}

/**
 * When an unanswered request made at `requestedAt` is followed up: a reminder letter to those who
 * have not answered, then a task for the caseworker (call the citizen, help in person, register on
 * paper). A step that would come at or after the deadline is left out: the request lapses as
 * UNANSWERED at its deadline either way.
 */
export function followUpPlan(rules: FollowUpRules, requestedAt: Date, answerBy: Date): { reminderDueAt: Date | null; followUpDueAt: Date | null } {
  const at = (days: number | null | undefined) => {
    if (!days) return null;
    const due = new Date(requestedAt.getTime() + days * DAY_MS);
    return due < answerBy ? due : null;
  };
  return { reminderDueAt: at(rules.reminderAfterDays), followUpDueAt: at(rules.followUpAfterDays) };
}

/**
 * Which follow-up step time makes due at `now`, the reminder before the task; null when none is,
 * or when the request has been answered, ended or has passed its deadline (it lapses instead).
 */
export function dueFollowUp(consent: FollowUpState, now: Date): "remind" | "followUp" | null {
  if (consent.status !== ConsentStatus.REQUESTED || (consent.answerBy && consent.answerBy <= now)) return null;
  if (consent.reminderDueAt && consent.reminderDueAt <= now) return "remind";
  if (consent.followUpDueAt && consent.followUpDueAt <= now) return "followUp";
  return null;
}

/** The caseworker's task is open: the request is unanswered, the task has opened and nobody has marked it done. */
export function followUpOpen(consent: FollowUpState): boolean {
  return consent.status === ConsentStatus.REQUESTED && !!consent.followUpOpenedAt && !consent.followUpDoneAt;
}

const MAX_NOTE = 1_000;

/**
 * Marking the task done needs an open task and a note of what was done (a call, a meeting, a paper
 * form sent), which goes on the request's history. Returns the note, trimmed.
 */
export function requireFollowUpDone(consent: FollowUpState, note: string | null | undefined): string {
  if (!followUpOpen(consent)) {
    throw new ConflictError(
      { da: "Anmodningen har ingen åben opfølgningsopgave.", en: "The request has no open follow-up task." },
      { field: "id", status: consent.status },
    );
  }
  const trimmed = note?.trim() ?? "";
  if (!trimmed || trimmed.length > MAX_NOTE) {
    throw new ValidationError(
      { da: `Skriv kort, hvad du har gjort (højst ${MAX_NOTE} tegn).`, en: `Say briefly what you have done (at most ${MAX_NOTE} characters).` },
      { field: "note" },
    );
  }
  return trimmed;
}
