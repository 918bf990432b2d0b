import { graphql } from "../../gql/index.js";
import type { MyConsentAccessLogQuery } from "../../gql/graphql.js";
import { useLanguage } from "../../lib/i18n.js";

type Access = MyConsentAccessLogQuery["myConsentAccessLog"][number];

/** Who else read, checked or changed the citizen's consents (or one of them), newest first. */
export const ACCESS_LOG = graphql(`
  query MyConsentAccessLog($first: Int!, $after: String, $before: String, $consentId: ID) {
    myConsentAccessLog(first: $first, after: $after, before: $before, consentId: $consentId) {
      cursor occurredAt action actorKind authority { id name } thirdParty { id name } consent { id title { da en } caseReference } purpose
    }
  }
`);

// The audit actions a citizen is told about in words; any other is shown as it is named.
const ACTIONS = ["read", "search", "check", "readFile", "subscribe", "document", "export", "accessGranted", "accessRefused", "introspect", "request", "register", "upload", "deliver", "withdraw", "cancel", "askYoungPerson", "subjectDied", "addGiver", "removeGiver", "lapse", "remind", "followUp", "followUpDone", "markUsed", "closeCase", "expire", "handOver", "confirmStop", "readLetter"] as const;

/** The log keeps one detail per entry; what it is depends on the entry: a case number, the data asked for, what was searched for, or the caseworker's words. */
function detailLabel(entry: { action: string; purpose?: string | null; consent?: { caseReference?: string | null } | null }) {
  if (entry.consent?.caseReference && entry.purpose === entry.consent.caseReference) return "accessCase" as const;
  if (entry.action === "accessGranted" || entry.action === "accessRefused" || entry.action === "introspect") return "accessData" as const;
  if (entry.action === "search") return "accessSearchedFor" as const;
  return "accessReason" as const;
}

/** The entries in plain words: who, what, on which consent, when, and the entry's detail. */
export function AccessEntries({ entries, label }: { entries: readonly Access[]; label: string }) {
  const { t, pick, dateTime } = useLanguage();
  const who = (entry: Access) =>
    entry.actorKind === "PLATFORM"
      ? t("accessByPlatform")
      : `${entry.thirdParty?.name ?? entry.authority?.name ?? t("accessUnknown")}${entry.actorKind === "CASE_SYSTEM" ? ` (${t("accessSystem")})` : ""}`;
  const what = (action: string) => (ACTIONS.includes(action as (typeof ACTIONS)[number]) ? t(`access_${action as (typeof ACTIONS)[number]}`) : action);
  return (
    <ul className="bordered-list" aria-label={label}>
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
  );
}
