import { useLazyQuery, useQuery } from "@apollo/client/react";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { Link, useLocation, useSearchParams } from "react-router";
import { ErrorAlert, errorMessage, Page } from "@samtykke/web-kit";
import { useAuthorityLive } from "../../app/live.js";
import { ConsentTable } from "../../lib/ConsentTable.js";
import { ErrorSummary } from "../../lib/ErrorSummary.js";
import { Field } from "../../lib/Field.js";
import { useLanguage } from "../../lib/i18n.js";
import { CHANNELS, CITIZEN_BY_CPR, CITIZEN_BY_ID, FIND_CONSENTS } from "../consents/operations.js";
import { AUTHORITY_TEMPLATES } from "../request/operations.js";
import { readSearch, STATUSES, toFilter, writeSearch, type FindSearch } from "./search-params.js";

const PAGE_SIZE = 25;

/** The search form: it starts from the search in the address and changes it only when submitted. */
function SearchForm({ search, onSearch }: { search: FindSearch; onSearch: (search: FindSearch) => void }) {
  const { t, pick, status, language } = useLanguage();
  const { authorityId } = useAuthorityLive();
  const location = useLocation();
  const [draft, setDraft] = useState(search);
  const [cpr, setCpr] = useState("");
  const [lookUp, lookedUp] = useLazyQuery(CITIZEN_BY_CPR, { fetchPolicy: "network-only" });
  const chosen = useQuery(CITIZEN_BY_ID, { variables: { id: search.citizenId }, skip: !search.citizenId });
  const templates = useQuery(AUTHORITY_TEMPLATES, { variables: { authorityId } });
  // One entry per template key, named by its newest version.
  const keys = useMemo(() => {
    const byKey = new Map<string, { key: string; title: string }>();
    for (const template of [...(templates.data?.authority.templates ?? [])].sort((a, b) => b.version - a.version)) {
      if (!byKey.has(template.key)) byKey.set(template.key, { key: template.key, title: pick(template.title) });
    }
    return [...byKey.values()];
  }, [templates.data, pick]);
  const set = <K extends keyof FindSearch>(key: K, value: FindSearch[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const linkedCitizenNotFound = (location.state as { citizenNotFound?: boolean } | null)?.citizenNotFound;
  const cprProblem = lookedUp.error ? errorMessage(lookedUp.error, language) : linkedCitizenNotFound ? t("citizenNotFound") : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let citizenId = draft.citizenId;
    if (cpr.trim()) {
      const { data } = await lookUp({ variables: { cpr: cpr.trim() } }).catch(() => ({ data: undefined }));
      if (!data) return; // the problem is shown; the number stays for correcting
      citizenId = data.citizen.id;
      setCpr("");
    }
    onSearch({ ...draft, citizenId, pages: [] });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="filter-title" className="mb-6">
      <h2 id="filter-title" className="h3">
        {t("filterTitle")}
      </h2>
      <ErrorSummary problems={cprProblem ? [{ fieldId: "find-cpr", message: cprProblem }] : []} />
      {search.citizenId && chosen.data ? (
        <div className="form-group">
          <p className="form-label">{t("citizenChosen")}</p>
          <p>
            <strong>
              {chosen.data.citizenById.name} ({chosen.data.citizenById.cprMasked})
            </strong>
            <button type="button" className="function-link ml-5" onClick={() => onSearch({ ...draft, citizenId: "", pages: [] })}>
              {t("removeCitizen")}
            </button>
          </p>
        </div>
      ) : (
        <Field id="find-cpr" label={t("citizenCpr")} hint={t("citizenCprHint")} error={cprProblem}>
          {(describedBy) => (
            <input
              id="find-cpr"
              className="form-input input-width-s"
              inputMode="numeric"
              autoComplete="off"
              value={cpr}
              aria-invalid={Boolean(cprProblem)}
              aria-describedby={describedBy}
              onChange={(e) => setCpr(e.target.value)}
            />
          )}
        </Field>
      )}
      <div className="row">
        <div className="col-12 col-md-6">
          <Field id="find-template" label={t("template")} error={undefined}>
            {() => (
              <select id="find-template" className="form-select" value={draft.templateKey} onChange={(e) => set("templateKey", e.target.value)}>
                <option value="">{t("anyTemplate")}</option>
                {keys.map((template) => (
                  <option key={template.key} value={template.key}>
                    {template.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="find-case" label={t("caseReferenceFilter")} error={undefined}>
            {() => <input id="find-case" className="form-input input-width-m" autoComplete="off" value={draft.caseReference} onChange={(e) => set("caseReference", e.target.value)} />}
          </Field>
          <Field id="find-channel" label={t("channel")} error={undefined}>
            {() => (
              <select id="find-channel" className="form-select" value={draft.channel} onChange={(e) => set("channel", e.target.value as FindSearch["channel"])}>
                <option value="">{t("anyChannel")}</option>
                {CHANNELS.map((channel) => (
                  <option key={channel} value={channel}>
                    {t(`channel_${channel}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="find-from" label={t("requestedFrom")} error={undefined}>
            {() => <input id="find-from" className="form-input input-width-s" type="date" value={draft.requestedFrom} onChange={(e) => set("requestedFrom", e.target.value)} />}
          </Field>
          <Field id="find-to" label={t("requestedTo")} error={undefined}>
            {() => <input id="find-to" className="form-input input-width-s" type="date" value={draft.requestedTo} onChange={(e) => set("requestedTo", e.target.value)} />}
          </Field>
        </div>
        <div className="col-12 col-md-6">
          <fieldset className="form-group">
            <legend className="form-label">{t("statusFilter")}</legend>
            <ul className="nobullet-list">
              {STATUSES.map((value) => (
                <li key={value}>
                  <input
                    id={`find-status-${value}`}
                    type="checkbox"
                    className="form-checkbox"
                    checked={draft.statuses.includes(value)}
                    onChange={(e) => set("statuses", e.target.checked ? [...draft.statuses, value] : draft.statuses.filter((other) => other !== value))}
                  />
                  <label htmlFor={`find-status-${value}`}>{status(value)}</label>
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset className="form-group">
            <legend className="sr-only">{t("filterTitle")}</legend>
            <ul className="nobullet-list">
              <li>
                <input id="find-expiring" type="checkbox" className="form-checkbox" checked={draft.expiringSoon} onChange={(e) => set("expiringSoon", e.target.checked)} />
                <label htmlFor="find-expiring">{t("expiringSoon")}</label>
              </li>
              <li>
                <input id="find-unconfirmed" type="checkbox" className="form-checkbox" checked={draft.stopUnconfirmed} onChange={(e) => set("stopUnconfirmed", e.target.checked)} />
                <label htmlFor="find-unconfirmed">{t("stopUnconfirmed")}</label>
              </li>
              <li>
                <input id="find-follow-up" type="checkbox" className="form-checkbox" checked={draft.followUpOpen} onChange={(e) => set("followUpOpen", e.target.checked)} />
                <label htmlFor="find-follow-up">{t("followUpOpenFilter")}</label>
              </li>
            </ul>
          </fieldset>
          <Field id="find-order" label={t("order")} error={undefined}>
            {() => (
              <select id="find-order" className="form-select" value={draft.order} onChange={(e) => set("order", e.target.value as FindSearch["order"])}>
                <option value="NEWEST_FIRST">{t("newestFirst")}</option>
                <option value="OLDEST_FIRST">{t("oldestFirst")}</option>
              </select>
            )}
          </Field>
        </div>
      </div>
      <button type="submit" className="button button-primary" disabled={lookedUp.loading}>
        {t("search")}
      </button>
      <Link to="/samtykker" className="ml-5">
        {t("clearFilter")}
      </Link>
    </form>
  );
}

/** Find the authority's consents: filters kept in the address, server-side pages, live rows. */
export function FindPage() {
  const { t } = useLanguage();
  const { changes } = useAuthorityLive();
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => readSearch(params), [params]);
  // "Within 30 days" counts from when the search was made.
  const now = useMemo(() => Date.now(), [params]); // eslint-disable-line react-hooks/exhaustive-deps
  const { data, error, loading, refetch } = useQuery(FIND_CONSENTS, {
    variables: { filter: toFilter(search, now), first: PAGE_SIZE, after: search.pages.at(-1) ?? null, order: search.order },
    fetchPolicy: "cache-and-network",
  });
  useEffect(() => {
    if (changes) void refetch();
  }, [changes, refetch]);
  const go = (next: FindSearch) => setParams(writeSearch(next));
  const page = data?.consents;
  const pageNumber = search.pages.length + 1;
  const pageCount = page ? Math.max(1, Math.ceil(page.totalCount / PAGE_SIZE)) : 1;

  return (
    <Page title={t("findTitle")}>
      {/* A new search from the address (Back, a link) starts the form again from it. */}
      <SearchForm key={writeSearch({ ...search, pages: [] }).toString()} search={search} onSearch={go} />
      {error && <ErrorAlert error={error} />}
      {loading && !page && <p role="status">{t("loading")}</p>}
      <p role="status" className="h4" aria-live="polite">
        {page && (page.totalCount === 1 ? t("resultCountOne") : t("resultCount").replace("{n}", String(page.totalCount)))}
      </p>
      {page && page.edges.length > 0 && <ConsentTable consents={page.edges.map((edge) => edge.node)} label={t("consentsTable")} />}
      {page && (pageNumber > 1 || page.pageInfo.hasNextPage) && (
        <nav className="pagination mt-5" aria-label={t("pagination")}>
          {pageNumber > 1 && (
            <Link className="button button-secondary button-previous mr-4" to={`?${writeSearch({ ...search, pages: search.pages.slice(0, -1) })}`}>
              {t("previousPage")}
            </Link>
          )}
          <span className="mx-4" aria-current="page">
            {t("pageNofM").replace("{n}", String(pageNumber)).replace("{m}", String(pageCount))}
          </span>
          {page.pageInfo.hasNextPage && page.pageInfo.endCursor && (
            <Link className="button button-secondary button-next ml-4" to={`?${writeSearch({ ...search, pages: [...search.pages, page.pageInfo.endCursor] })}`}>
              {t("nextPage")}
            </Link>
          )}
        </nav>
      )}
    </Page>
  );
}
