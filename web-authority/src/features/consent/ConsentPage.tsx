import { useApolloClient, useLazyQuery, useQuery } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { useParams } from "react-router";
import { Alert, AnswersList, bytesFromBase64, ConsentTexts, ErrorAlert, NotFound, Page, StatusBadge, SummaryList } from "@samtykke/web-kit";
import { useAuthorityLive } from "../../app/live.js";
import { hasText, useLanguage } from "../../lib/i18n.js";
import { ATTACHMENT_CONTENT, CASEWORKER_NAME, CONSENT_DETAIL, VERIFY_DOCUMENT, VERIFY_SEALED_DOCUMENT, type ConsentDetail } from "../consents/operations.js";
import { ConsentActions } from "./ConsentActions.js";
import { TableRegion } from "../../lib/TableRegion.js";

/** Words for a key built from data, or the data itself when the app has none (a newer API's action). */
function useWords() {
  const { t } = useLanguage();
  return (key: string, fallback: string) => (hasText(key) ? t(key) : fallback);
}

/** A scan shown on the page (an image) or opened in the browser's own viewer (a PDF); fetched only when asked for. */
function Attachment({ attachment }: { attachment: ConsentDetail["attachments"][number] }) {
  const { t } = useLanguage();
  const [load, { data, error, loading }] = useLazyQuery(ATTACHMENT_CONTENT);
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!data) return;
    const objectUrl = URL.createObjectURL(new Blob([bytesFromBase64(data.consentAttachmentContent)], { type: attachment.mediaType }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [data, attachment.mediaType]);
  const name = t("scanPreview").replace("{name}", attachment.fileName);
  return (
    <li className="mb-4">
      <p className="mb-2">
        {name} ({Math.ceil(attachment.size / 1024)} kB)
      </p>
      {error && <ErrorAlert error={error} />}
      {!url && (
        <button type="button" className="button button-secondary" disabled={loading} onClick={() => void load({ variables: { id: attachment.id } })}>
          {t("showScan")}
        </button>
      )}
      {url && attachment.mediaType.startsWith("image/") && <img src={url} alt={name} style={{ maxWidth: "100%", border: "1px solid #bfbfbf" }} />}
      {url && !attachment.mediaType.startsWith("image/") && (
        <a href={url} target="_blank" rel="noreferrer">
          {t("openScan").replace("{name}", attachment.fileName)}
        </a>
      )}
    </li>
  );
}

function Facts({ consent }: { consent: ConsentDetail }) {
  const { t, pick, date, dateTime } = useLanguage();
  // Who the template's rule by age asked: the holders under 15, from 15 the young person (alone or with them).
  const askedByAge = ({ signers, givers, subject }: ConsentDetail) => {
    if (signers !== "YOUNG_PERSON_FROM_15" && signers !== "YOUNG_PERSON_AND_CUSTODY_HOLDERS") return [];
    const youngPerson = givers.some((giver) => giver.id === subject.id);
    const value = !youngPerson ? t("askedHoldersUntilFifteen") : givers.length === 1 ? t("askedYoungPerson") : t("askedYoungPersonAndHolders");
    return [{ key: "asked", name: t("signersLabel"), value }];
  };
  // The template's follow-up of an unanswered request: when the reminder goes (or went), and the caseworker's task.
  const followUpFacts = ({ status, followUp, remindedAt }: ConsentDetail) => {
    if (status !== "REQUESTED") return [];
    const reminder = followUp.reminderDueAt ? t("reminderDue").replace("{date}", date(followUp.reminderDueAt)) : remindedAt && t("reminderSent").replace("{date}", date(remindedAt));
    const task = followUp.taskOpen
      ? t("followUpOpenSince").replace("{date}", date(followUp.taskOpenedAt!))
      : followUp.taskDoneAt
        ? t("followUpDoneOn").replace("{date}", date(followUp.taskDoneAt))
        : followUp.taskDueAt && t("followUpDue").replace("{date}", date(followUp.taskDueAt));
    return [...(reminder ? [{ key: "reminder", name: t("reminderFact"), value: reminder }] : []), ...(task ? [{ key: "followUp", name: t("followUpFact"), value: task }] : [])];
  };
  const inForce = consent.status === "ACTIVE" || consent.status === "PAUSED";
  const rows = [
    { key: "citizen", name: t("citizen"), value: `${consent.subject.name} (${consent.subject.cprMasked})` },
    { key: "status", name: t("status"), value: <StatusBadge status={consent.status} /> },
    { key: "template", name: t("template"), value: `${pick(consent.title)} (v${consent.templateVersion})` },
    { key: "case", name: t("caseReference"), value: consent.caseReference ?? "–" },
    ...(consent.message ? [{ key: "message", name: t("messageToCitizen"), value: consent.message }] : []),
    ...askedByAge(consent),
    { key: "channel", name: t("channel"), value: consent.channel ? t(`channel_${consent.channel}`) : "–" },
    { key: "requested", name: t("requestedAt"), value: dateTime(consent.requestedAt) },
    ...(consent.status === "REQUESTED" && consent.answerBy ? [{ key: "answerBy", name: t("answerBy"), value: date(consent.answerBy) }] : []),
    ...followUpFacts(consent),
    ...(consent.answeredAt ? [{ key: "answered", name: t("answeredAt"), value: dateTime(consent.answeredAt) }] : []),
    ...(consent.validFrom ? [{ key: "validFrom", name: t("validFrom"), value: date(consent.validFrom) }] : []),
    ...(inForce ? [{ key: "validTo", name: t("validUntil"), value: consent.validTo ? date(consent.validTo) : t("openEnded") }] : []),
    ...(consent.endedAt ? [{ key: "ended", name: t("endedAt"), value: dateTime(consent.endedAt) }] : []),
    ...(consent.eraseAt ? [{ key: "erase", name: t("eraseAt"), value: t("eraseAtValue").replace("{date}", date(consent.eraseAt)) }] : []),
    ...(consent.singleUse ? [{ key: "singleUse", name: t("singleUse"), value: "✓" }] : []),
  ];
  return <SummaryList rows={rows} label={t("facts")} />;
}

function Givers({ consent }: { consent: ConsentDetail }) {
  const { t, date } = useLanguage();
  const signedAt = new Map(consent.signatures.map((signature) => [signature.signer.id, signature.signedAt]));
  return (
    <section aria-labelledby="givers-title" className="mb-6">
      <h2 id="givers-title" className="h3">
        {t("givers")}
      </h2>
      <ul>
        {consent.givers.map((giver) => {
          const at = signedAt.get(giver.id);
          return (
            <li key={giver.id}>
              {giver.name} ({giver.cprMasked}): {at ? t("signed").replace("{date}", date(at)) : t("notSigned")}
            </li>
          );
        })}
      </ul>
      {consent.attestation && (
        <p>
          <strong>{t("attestation")}:</strong> {consent.attestation.statement}
        </p>
      )}
    </section>
  );
}

function Stops({ consent }: { consent: ConsentDetail }) {
  const { t, dateTime } = useLanguage();
  if (!consent.stopConfirmations.length) return null;
  return (
    <section aria-labelledby="stops-title" className="mb-6">
      <h2 id="stops-title" className="h3">
        {t("stopsOfConsent")}
      </h2>
      <ul>
        {consent.stopConfirmations.map((stop) => {
          const name = stop.caseSystem?.name ?? stop.thirdParty?.name ?? "";
          return <li key={name}>{stop.confirmedAt ? t("stoppedBy").replace("{name}", name).replace("{date}", dateTime(stop.confirmedAt)) : t("notStoppedBy").replace("{name}", name)}</li>;
        })}
      </ul>
    </section>
  );
}

/** A caseworker by name, looked up once per page (Apollo keeps it); their id until then. */
function CaseworkerName({ id }: { id: string }) {
  const { data } = useQuery(CASEWORKER_NAME, { variables: { id } });
  return <>{data?.caseworker.name ?? ""}</>;
}

/** The sealed document checked by the platform, as a recipient of it would: on request, not on every visit. */
function DocumentCheck({ consentId }: { consentId: string }) {
  const { t } = useLanguage();
  const client = useApolloClient();
  const [verdict, setVerdict] = useState<{ verdict: string; why: string }>();
  const [error, setError] = useState<unknown>();
  const check = async () => {
    setError(undefined);
    try {
      const sealed = await client.query({ query: VERIFY_SEALED_DOCUMENT, variables: { id: consentId }, fetchPolicy: "network-only" });
      const checked = await client.query({ query: VERIFY_DOCUMENT, variables: { document: sealed.data!.consent.document }, fetchPolicy: "network-only" });
      setVerdict(checked.data!.verifyConsentDocument);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <>
      <button type="button" className="button button-secondary" onClick={() => void check()}>
        {t("verifyDocument")}
      </button>
      {error !== undefined && <ErrorAlert error={error} />}
      <div role="status">
        {verdict && (
          <Alert kind={verdict.verdict === "VALID" ? "success" : "error"} className="mt-4">
            <p className="alert-text">{hasText(`verdict_${verdict.verdict}`) ? t(`verdict_${verdict.verdict}` as Parameters<typeof t>[0]) : verdict.why}</p>
          </Alert>
        )}
      </div>
    </>
  );
}

function History({ consent }: { consent: ConsentDetail }) {
  const { t, dateTime, status } = useLanguage();
  const givers = new Map(consent.givers.map((giver) => [giver.id, giver.name]));
  const words = useWords();
  return (
    <section aria-labelledby="history-title" className="mb-6">
      <h2 id="history-title" className="h3">
        {t("historyTitle")}
      </h2>
      <TableRegion label={t("historyTable")}>
        <table className="table table--zebra">
          <thead>
            <tr>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("what")}</th>
              <th scope="col">{t("who")}</th>
              <th scope="col">{t("how")}</th>
            </tr>
          </thead>
          <tbody>
            {consent.history.map((entry) => (
              <tr key={entry.cursor}>
                <td>{dateTime(entry.occurredAt)}</td>
                <td>
                  {words(`history_${entry.action}`, entry.action)} ({status(entry.status)})
                </td>
                <td>
                  {words(`actor_${entry.actorKind}`, entry.actorKind)}
                  {entry.actorKind === "CITIZEN" && entry.actorId && givers.has(entry.actorId) ? `: ${givers.get(entry.actorId)}` : ""}
                  {entry.actorKind === "CASEWORKER" && entry.actorId && (
                    <>
                      : <CaseworkerName id={entry.actorId} />
                    </>
                  )}
                </td>
                <td>
                  {entry.channel ? words(`channel_${entry.channel}`, entry.channel) : "–"}
                  {entry.reason && <span className="d-block form-hint">{entry.reason}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

/** Who read, checked, changed or fetched data under the consent: the audit log, as the authority may see it. */
function AccessLog({ consent }: { consent: ConsentDetail }) {
  const { t, dateTime } = useLanguage();
  const words = useWords();
  return (
    <section aria-labelledby="access-title" className="mb-6">
      <h2 id="access-title" className="h3">
        {t("accessLogTitle")}
      </h2>
      {consent.accessLog.length === 0 ? (
        <p>{t("accessLogEmpty")}</p>
      ) : (
        <TableRegion label={t("accessLogTable")}>
          <table className="table table--zebra">
            <thead>
              <tr>
                <th scope="col">{t("when")}</th>
                <th scope="col">{t("what")}</th>
                <th scope="col">{t("who")}</th>
              </tr>
            </thead>
            <tbody>
              {consent.accessLog.map((entry, index) => (
                <tr key={index}>
                  <td>{dateTime(entry.occurredAt)}</td>
                  <td>
                    {words(`access_${entry.action}`, words(`history_${entry.action}`, entry.action))}
                    {entry.purpose && <span className="d-block form-hint">{entry.purpose}</span>}
                  </td>
                  <td>
                    {words(`actor_${entry.actorKind}`, entry.actorKind)}
                    {entry.authority ? `: ${entry.authority.name}` : entry.thirdParty ? `: ${entry.thirdParty.name}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}

/** Everything about one consent, and what the caseworker may do to it; it follows changes live. */
export function ConsentPage() {
  const { id = "" } = useParams();
  const { t, pick } = useLanguage();
  const { changes, lastChangedId } = useAuthorityLive();
  const { data, error, loading, refetch } = useQuery(CONSENT_DETAIL, { variables: { id }, fetchPolicy: "cache-and-network" });
  useEffect(() => {
    if (changes && lastChangedId === id) void refetch();
  }, [changes, lastChangedId, id, refetch]);

  if (loading && !data) return <p role="status">{t("loading")}</p>;
  if (!data) return error && !/NOT_FOUND|FORBIDDEN/.test(JSON.stringify(error)) ? <ErrorAlert error={error} /> : <NotFound />;
  const consent = data.consent;
  return (
    <Page title={pick(consent.title)}>
      <p className="font-lead">
        {consent.subject.name} ({consent.subject.cprMasked}) · <StatusBadge status={consent.status} />
      </p>
      <div className="row">
        <div className="col-12 col-lg-7">
          <Facts consent={consent} />
        </div>
        <div className="col-12 col-lg-5">
          <ConsentActions consent={consent} onDone={() => void refetch()} />
          <Givers consent={consent} />
          <Stops consent={consent} />
        </div>
      </div>
      <section aria-labelledby="texts-title" className="mb-6">
        <h2 id="texts-title" className="h3">
          {t("textsTitle")}
        </h2>
        <ConsentTexts consent={consent} />
        <h3 className="h4">{t("answersGiven")}</h3>
        {consent.answers ? <AnswersList choices={consent.choices} answers={consent.answers} label={t("answersGiven")} /> : <p>{t("noAnswers")}</p>}
      </section>
      {consent.attachments.length > 0 && (
        <section aria-labelledby="attachments-title" className="mb-6">
          <h2 id="attachments-title" className="h3">
            {t("attachmentsTitle")}
          </h2>
          <ul className="nobullet-list">
            {consent.attachments.map((attachment) => (
              <Attachment key={attachment.id} attachment={attachment} />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="integrity-title" className="mb-6">
        <h2 id="integrity-title" className="h3">
          {t("integrityTitle")}
        </h2>
        {consent.signatures.length === 0 ? (
          <p>{t("noSignature")}</p>
        ) : (
          <Alert kind={consent.integrity.intact ? "success" : "error"}>
            <p className="alert-text">{consent.integrity.intact ? t("intact") : t("notIntact")}</p>
            <p className="alert-text" style={{ overflowWrap: "anywhere" }}>
              {t("contentHash")}: <code>{consent.integrity.contentHash}</code>
            </p>
          </Alert>
        )}
        <DocumentCheck consentId={consent.id} />
      </section>
      <History consent={consent} />
      <AccessLog consent={consent} />
    </Page>
  );
}
