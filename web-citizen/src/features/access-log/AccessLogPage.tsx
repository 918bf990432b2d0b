import { useQuery } from "@apollo/client/react";
import { ErrorAlert, Page } from "@samtykke/web-kit";
import { graphql } from "../../gql/index.js";
import type { MyConsentAccessLogQuery } from "../../gql/graphql.js";
import { cursorPage, CursorPager, PAGE_SIZE, useCursorParams } from "../../lib/Pager.js";
import { useLanguage } from "../../lib/i18n.js";

type Access = MyConsentAccessLogQuery["myConsentAccessLog"][number];

const ACCESS_LOG = graphql(`
  query MyConsentAccessLog($first: Int!, $after: String, $before: String) {
    myConsentAccessLog(first: $first, after: $after, before: $before) { cursor occurredAt action actorKind authority { id name } thirdParty { id name } consent { id title { da en } caseReference } purpose }
  }
`);

// The audit actions a citizen is told about in words; any other is shown as it is named.
const ACTIONS = ["read", "search", "check", "readFile", "subscribe", "document", "export", "accessGranted", "accessRefused", "introspect", "request", "register", "upload", "deliver", "withdraw", "cancel", "markUsed", "closeCase", "expire", "handOver", "confirmStop", "readLetter"] as const;

/** The log keeps one detail per entry; what it is depends on the entry: a case number, the data asked for, what was searched for, or the caseworker's words. */
function detailLabel(entry: { action: string; purpose?: string | null; consent?: { caseReference?: string | null } | null }) {
  if (entry.consent?.caseReference && entry.purpose === entry.consent.caseReference) return "accessCase" as const;
  if (entry.action === "accessGranted" || entry.action === "accessRefused" || entry.action === "introspect") return "accessData" as const;
  if (entry.action === "search") return "accessSearchedFor" as const;
  return "accessReason" as const;
}

/**
 * Seed 004's promise: the citizen sees who has looked at or used their consents, in plain words, ten
 * at a time, all the way back.
 */
export function AccessLogPage() {
  const { t, pick, dateTime } = useLanguage();
  const cursors = useCursorParams();
  const { data, error } = useQuery(ACCESS_LOG, { variables: { first: PAGE_SIZE + 1, ...cursors }, fetchPolicy: "network-only" });
  const who = (entry: Access) =>
    entry.actorKind === "PLATFORM"
      ? t("accessByPlatform")
      : `${entry.thirdParty?.name ?? entry.authority?.name ?? t("accessUnknown")}${entry.actorKind === "CASE_SYSTEM" ? ` (${t("accessSystem")})` : ""}`;
  const what = (action: string) => (ACTIONS.includes(action as (typeof ACTIONS)[number]) ? t(`access_${action as (typeof ACTIONS)[number]}`) : action);
  const { items: entries, ...pager } = cursorPage(data?.myConsentAccessLog ?? [], cursors);
  return (
    <Page title={t("accessPage")}>
      <p>{t("accessHelp")}</p>
      {!data && !error && <p role="status">{t("loading")}</p>}
      {error && <ErrorAlert error={error} />}
      {data && entries.length === 0 && <p>{t("accessNone")}</p>}
      {entries.length > 0 && (
        <ul className="bordered-list" aria-label={t("accessTitle")}>
          {entries.map((entry) => (
            <li key={entry.cursor} data-cursor={entry.cursor}>
              <strong>{who(entry)}</strong> {what(entry.action)}
              {entry.consent && ` "${pick(entry.consent.title)}"`}
              <br />
              <span className="form-hint">
                {dateTime(entry.occurredAt)}
                {entry.purpose && ` · ${t(detailLabel(entry))}: ${entry.purpose}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {data && <CursorPager {...pager} />}
    </Page>
  );
}
