import type { ConsentStatus } from "@samtykke/web-kit";
import { CHANNELS, type Channel, type ConsentFilter, type ConsentOrder } from "../consents/operations.js";

const DAY_MS = 86_400_000;
const STATUSES: ConsentStatus[] = ["REQUESTED", "ACTIVE", "PAUSED", "DECLINED", "WITHDRAWN", "EXPIRED", "USED", "CLOSED", "CANCELLED", "UNANSWERED"];
export { STATUSES };

/**
 * A search as the address keeps it, so it survives reload and Back and can be linked to. The citizen
 * is named by platform id, never by CPR number.
 */
export interface FindSearch {
  citizenId: string;
  templateKey: string;
  statuses: ConsentStatus[];
  caseReference: string;
  channel: Channel | "";
  /** Days as the caseworker picked them (YYYY-MM-DD, their own calendar). */
  requestedFrom: string;
  requestedTo: string;
  expiringSoon: boolean;
  stopUnconfirmed: boolean;
  followUpOpen: boolean;
  order: ConsentOrder;
  /** The end cursors of the pages before this one. */
  pages: string[];
}

export function readSearch(params: URLSearchParams): FindSearch {
  const channel = params.get("kanal") ?? "";
  return {
    citizenId: params.get("borger") ?? "",
    templateKey: params.get("skabelon") ?? "",
    statuses: (params.get("status") ?? "").split(",").filter((value): value is ConsentStatus => (STATUSES as string[]).includes(value)),
    caseReference: params.get("sag") ?? "",
    channel: (CHANNELS as string[]).includes(channel) ? (channel as Channel) : "",
    requestedFrom: params.get("fra") ?? "",
    requestedTo: params.get("til") ?? "",
    expiringSoon: params.get("udloeber") === "30",
    stopUnconfirmed: params.get("ubekraeftet") === "1",
    followUpOpen: params.get("opfoelgning") === "1",
    order: params.get("orden") === "aeldste" ? "OLDEST_FIRST" : "NEWEST_FIRST",
    pages: (params.get("sider") ?? "").split(",").filter(Boolean),
  };
}

export function writeSearch(search: FindSearch): URLSearchParams {
  const params = new URLSearchParams();
  const set = (name: string, value: string | false) => value && params.set(name, value);
  set("borger", search.citizenId);
  set("skabelon", search.templateKey);
  set("status", search.statuses.join(","));
  set("sag", search.caseReference.trim());
  set("kanal", search.channel);
  set("fra", search.requestedFrom);
  set("til", search.requestedTo);
  set("udloeber", search.expiringSoon && "30");
  set("ubekraeftet", search.stopUnconfirmed && "1");
  set("opfoelgning", search.followUpOpen && "1");
  set("orden", search.order === "OLDEST_FIRST" && "aeldste");
  set("sider", search.pages.join(","));
  return params;
}

/** Midnight that starts a day of the caseworker's calendar, as an instant. */
function startOfDay(day: string): Date | null {
  const start = new Date(`${day}T00:00:00`);
  return Number.isNaN(start.getTime()) ? null : start;
}

/** The API's filter for a search; `now` fixes what "within 30 days" means. */
export function toFilter(search: FindSearch, now: number): ConsentFilter {
  const from = search.requestedFrom ? startOfDay(search.requestedFrom) : null;
  const to = search.requestedTo ? startOfDay(search.requestedTo) : null;
  return {
    ...(search.citizenId ? { citizenId: search.citizenId } : {}),
    ...(search.templateKey ? { templateKey: search.templateKey } : {}),
    ...(search.statuses.length ? { status: search.statuses } : {}),
    ...(search.caseReference.trim() ? { caseReference: search.caseReference.trim() } : {}),
    ...(search.channel ? { channel: search.channel } : {}),
    ...(from ? { requestedFrom: from.toISOString() } : {}),
    // "Up to and including" a day: before the next day starts (a calendar day, whatever daylight saving does).
    ...(to ? { requestedBefore: new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1).toISOString() } : {}),
    ...(search.expiringSoon ? { expiresBefore: new Date(now + 30 * DAY_MS).toISOString() } : {}),
    ...(search.stopUnconfirmed ? { stopUnconfirmed: true } : {}),
    ...(search.followUpOpen ? { followUpOpen: true } : {}),
  };
}
