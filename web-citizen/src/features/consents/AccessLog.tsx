import { gql, type TypedDocumentNode } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { ErrorAlert } from "@samtykke/web-kit";
import { useLanguage, type LocalizedText } from "../../lib/i18n.js";

interface Access {
  occurredAt: string;
  action: string;
  actorKind: "CASEWORKER" | "CASE_SYSTEM" | "PLATFORM" | "CITIZEN" | "THIRD_PARTY";
  authority: { id: string; name: string } | null;
  thirdParty: { id: string; name: string } | null;
  consent: { id: string; title: LocalizedText } | null;
  purpose: string | null;
}

const ACCESS_LOG: TypedDocumentNode<{ myConsentAccessLog: Access[] }, Record<string, never>> = gql`
  query MyConsentAccessLog {
    myConsentAccessLog(first: 50) { occurredAt action actorKind authority { id name } thirdParty { id name } consent { id title { da en } } purpose }
  }
`;

// The audit actions a citizen is told about in words; any other is shown as it is named.
const ACTIONS = ["read", "search", "check", "readFile", "subscribe", "document", "export", "accessGranted", "accessRefused", "introspect", "request", "register", "upload", "deliver", "withdraw", "cancel", "markUsed", "closeCase", "expire", "handOver", "confirmStop", "readLetter"] as const;

/** Seed 004's promise: the citizen sees who has looked at or used their consents, in plain words. */
export function AccessLog() {
  const { t, pick, dateTime } = useLanguage();
  const { data, error, loading } = useQuery(ACCESS_LOG, { fetchPolicy: "network-only" });
  const who = (entry: Access) =>
    entry.actorKind === "PLATFORM"
      ? t("accessByPlatform")
      : `${entry.thirdParty?.name ?? entry.authority?.name ?? t("accessUnknown")}${entry.actorKind === "CASE_SYSTEM" ? ` (${t("accessSystem")})` : ""}`;
  const what = (action: string) => (ACTIONS.includes(action as (typeof ACTIONS)[number]) ? t(`access_${action as (typeof ACTIONS)[number]}`) : action);
  return (
    <section aria-labelledby="access-log-title" className="mt-7">
      <h2 id="access-log-title">{t("accessTitle")}</h2>
      {loading && <p role="status">{t("loading")}</p>}
      {error && <ErrorAlert error={error} />}
      {data && data.myConsentAccessLog.length === 0 && <p>{t("accessNone")}</p>}
      {data && data.myConsentAccessLog.length > 0 && (
        <ul className="nobullet-list">
          {data.myConsentAccessLog.map((entry, index) => (
            <li key={index} className="mb-3">
              <strong>{who(entry)}</strong> {what(entry.action)}
              {entry.consent && ` "${pick(entry.consent.title)}"`} · {dateTime(entry.occurredAt)}
              {entry.purpose && ` · ${t("accessPurpose")}: ${entry.purpose}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
