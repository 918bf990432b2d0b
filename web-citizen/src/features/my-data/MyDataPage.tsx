import { useLazyQuery, useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { bytesFromBase64, ErrorAlert, Page, saveFile } from "@samtykke/web-kit";
import { useCitizen } from "../../app/citizen-data.js";
import { useLanguage } from "../../lib/i18n.js";
import { DATA_EXPORT, DATA_EXPORT_ARCHIVE, REQUEST_DATA_EXPORT } from "./operations.js";

/**
 * The citizen's copy of everything (GDPR art. 15 and 20), for themselves or a child in their
 * custody: asked for, built in the background with its progress shown, then downloaded as one ZIP.
 * The copy being made is in the address (`?kopi=<id>`), so a reload keeps following it.
 */
export function MyDataPage() {
  const { t } = useLanguage();
  const { people } = useCitizen();
  const [params, setParams] = useSearchParams();
  const exportId = params.get("kopi");
  const choices = people.filter((person) => person.relation === "SELF" || person.relation === "CHILD");
  const [whose, setWhose] = useState(choices[0]!.id);
  const [request, requesting] = useMutation(REQUEST_DATA_EXPORT);
  const { data, error, startPolling, stopPolling } = useQuery(DATA_EXPORT, { variables: { id: exportId ?? "" }, skip: !exportId, fetchPolicy: "network-only" });
  const [fetchArchive, fetching] = useLazyQuery(DATA_EXPORT_ARCHIVE, { fetchPolicy: "network-only" });
  const current = data?.myDataExport;
  const building = current && (current.status === "QUEUED" || current.status === "BUILDING");
  // Followed once a second while it is made; still once it is ready or failed.
  useEffect(() => {
    if (building) startPolling(1_000);
    else stopPolling();
    return () => stopPolling();
  }, [building, startPolling, stopPolling]);

  const ask = async () => {
    const result = await request({ variables: { citizenId: whose === choices[0]!.id ? null : whose } }).catch(() => null);
    if (result?.data) setParams({ kopi: result.data.requestMyDataExport.id });
  };
  const save = async () => {
    const result = await fetchArchive({ variables: { id: current!.id } });
    if (result.data) saveFile(new Blob([bytesFromBase64(result.data.myDataExport.archiveBase64)], { type: "application/zip" }), `samtykker-${current!.subject.name.replace(/\s+/g, "-")}.zip`);
  };

  return (
    <Page title={t("myDataTitle")}>
      <p className="font-lead">{t("myDataIntro")}</p>
      {(requesting.error || error || fetching.error) && <ErrorAlert error={requesting.error ?? error ?? fetching.error} />}
      {!exportId && (
        <>
          {choices.length > 1 && (
            <fieldset className="form-group">
              <legend className="form-label">{t("myDataWhose")}</legend>
              <ul className="nobullet-list">
                {choices.map((person) => (
                  <li key={person.id}>
                    <input id={`whose-${person.id}`} type="radio" name="whose" className="form-radio" checked={whose === person.id} onChange={() => setWhose(person.id)} />
                    <label htmlFor={`whose-${person.id}`}>{person.relation === "SELF" ? `${t("yourself")} (${person.name})` : `${person.name} (${t("relation_CHILD")})`}</label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
          <button type="button" className="button button-primary" disabled={requesting.loading} onClick={() => void ask()}>
            {t("myDataAsk")}
          </button>
        </>
      )}
      {exportId && !current && !error && <p role="status">{t("loading")}</p>}
      {current && (
        <section aria-labelledby="copy-title">
          <h2 id="copy-title" className="h3">
            {t("myDataCopyOf").replace("{name}", current.subject.name)}
          </h2>
          {building && (
            <>
              <label htmlFor="copy-progress" className="form-label">
                {t("myDataBuilding")}
              </label>
              <progress id="copy-progress" max={Math.max(current.total, 1)} value={current.total ? current.done : 0} style={{ width: "100%", maxWidth: "30rem", height: "1.5rem" }} />
              <p role="status">{current.total ? t("myDataProgress").replace("{done}", String(current.done)).replace("{total}", String(current.total)) : t("myDataQueued")}</p>
            </>
          )}
          {current.status === "READY" && (
            <>
              <p role="status">{t("myDataReady")}</p>
              <button type="button" className="button button-primary" disabled={fetching.loading} onClick={() => void save()}>
                {t("myDataDownload").replace("{size}", String(Math.ceil((current.size ?? 0) / 1024)))}
              </button>
            </>
          )}
          {current.status === "FAILED" && <p role="alert">{t("myDataFailed")}</p>}
        </section>
      )}
    </Page>
  );
}
