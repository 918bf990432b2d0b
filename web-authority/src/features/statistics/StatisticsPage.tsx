import { useQuery } from "@apollo/client/react";
import { useMemo, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { ErrorAlert, Page } from "@samtykke/web-kit";
import { Field } from "../../lib/Field.js";
import { useLanguage } from "../../lib/i18n.js";
import { CHANNELS } from "../consents/operations.js";
import { OutcomeChart } from "./OutcomeChart.js";
import { STATISTICS, type TemplateStatistics } from "./operations.js";

const OUTCOMES = ["requested", "answered", "given", "declined", "withdrawn", "expired"] as const;

/** A day of the caseworker's own calendar as YYYY-MM-DD. */
function day(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

function TemplateFigures({ row }: { row: TemplateStatistics }) {
  const { t, pick, language } = useLanguage();
  const shown = (value: number | null) => (value === null ? t("suppressed") : String(value));
  const labels = useMemo(() => OUTCOMES.map((outcome) => t(`outcome_${outcome}`)), [t]);
  const values = useMemo(() => OUTCOMES.map((outcome) => row[outcome]), [row]);
  const hours = (value: number | null) => (value === null ? t("suppressed") : t("hoursN").replace("{n}", value.toLocaleString(language === "da" ? "da-DK" : "en-GB")));
  const id = `stat-${row.templateKey}`;
  return (
    <section aria-labelledby={id} className="mb-7">
      <h2 id={id} className="h3">
        {pick(row.title)}
      </h2>
      <div className="row">
        <div className="col-12 col-lg-6">
          <table className="table table--compact" aria-label={t("statsTable").replace("{title}", pick(row.title))}>
            <tbody>
              {OUTCOMES.map((outcome) => (
                <tr key={outcome}>
                  <th scope="row">{t(`outcome_${outcome}`)}</th>
                  <td className="text-align-right">{shown(row[outcome])}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t("medianToAnswer")}</th>
                <td className="text-align-right">{hours(row.medianHoursToAnswer)}</td>
              </tr>
              <tr>
                <th scope="row">{t("p90ToAnswer")}</th>
                <td className="text-align-right">{hours(row.p90HoursToAnswer)}</td>
              </tr>
              {CHANNELS.map((channel) => (
                <tr key={channel}>
                  <th scope="row">
                    {t("givenVia")}: {t(`channel_${channel}`)}
                  </th>
                  <td className="text-align-right">{shown(row.channels.find((entry) => entry.channel === channel)?.count ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="col-12 col-lg-6">
          <OutcomeChart labels={labels} values={values} />
        </div>
      </div>
    </section>
  );
}

/** Per template and period: what happened to the requests, computed by the API with small numbers hidden. */
export function StatisticsPage() {
  const { t } = useLanguage();
  const [params, setParams] = useSearchParams();
  // The last twelve months up to and including today, unless the address says otherwise.
  const defaults = useMemo(() => {
    const today = new Date();
    return { from: day(new Date(today.getFullYear() - 1, today.getMonth(), today.getDate() + 1)), to: day(today) };
  }, []);
  const from = params.get("fra") ?? defaults.from;
  const to = params.get("til") ?? defaults.to;
  const [draft, setDraft] = useState({ from, to });
  const [start, end] = [new Date(`${from}T00:00:00`), new Date(`${to}T00:00:00`)];
  end.setDate(end.getDate() + 1);
  const valid = !Number.isNaN(start.getTime()) && !Number.isNaN(end.getTime());
  const { data, error, loading } = useQuery(STATISTICS, { variables: { from: valid ? start.toISOString() : "", to: valid ? end.toISOString() : "" }, skip: !valid });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams({ fra: draft.from, til: draft.to });
  };
  return (
    <Page title={t("statisticsTitle")}>
      <p>{t("statisticsHelp")}</p>
      <form onSubmit={submit} noValidate aria-label={t("periodTitle")} className="mb-6">
        <div className="d-flex flex-wrap" style={{ gap: "0 1.5rem", alignItems: "flex-end" }}>
          <Field id="stat-from" label={t("periodFrom")} error={undefined}>
            {() => <input id="stat-from" type="date" className="form-input input-width-s" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />}
          </Field>
          <Field id="stat-to" label={t("periodTo")} error={undefined}>
            {() => <input id="stat-to" type="date" className="form-input input-width-s" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />}
          </Field>
        </div>
        <button type="submit" className="button button-primary">
          {t("showStatistics")}
        </button>
      </form>
      {error && <ErrorAlert error={error} />}
      {loading && <p role="status">{t("loading")}</p>}
      {data && data.consentStatistics.length === 0 && <p>{t("noStatistics")}</p>}
      {data?.consentStatistics.map((row) => (
        <TemplateFigures key={row.templateKey} row={row} />
      ))}
    </Page>
  );
}
