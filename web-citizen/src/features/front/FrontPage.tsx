import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { StatusBadge, Page } from "@samtykke/web-kit";
import { useCitizen, type Person } from "../../app/citizen-data.js";
import { useLanguage } from "../../lib/i18n.js";
import type { CitizenConsentSummary } from "../consents/operations.js";

const IN_FORCE = new Set(["ACTIVE", "PAUSED"]);
/** Past this many consents, the lists can be narrowed by authority and status. */
const FILTER_FROM = 6;

/** Who a consent concerns, when it is not the citizen themselves (a child, a grantor). */
function Concerns({ consent }: { consent: CitizenConsentSummary }) {
  const { t } = useLanguage();
  const { me } = useCitizen();
  if (consent.subject.id === me.id) return null;
  return (
    <p className="m-0">
      {t("onBehalfOf")}: {consent.subject.name}
    </p>
  );
}

/** A request: what, who asks, why and by when, and the way in. Named by its title. */
function RequestItem({ consent }: { consent: CitizenConsentSummary }) {
  const { t, pick, date } = useLanguage();
  const { me } = useCitizen();
  const signedByMe = consent.signatures.some((signature) => signature.signer.id === me.id);
  const signed = new Set(consent.signatures.map((signature) => signature.signer.id));
  return (
    <li className="card mb-5">
      <article className="card-content" aria-labelledby={`request-${consent.id}`}>
        <h3 id={`request-${consent.id}`} className="h4 mt-0 mb-2">
          <Link to={`/anmodninger/${consent.id}`}>{pick(consent.title)}</Link>
        </h3>
        <p className="m-0">
          <StatusBadge status={consent.status} />
        </p>
        <Concerns consent={consent} />
        <p className="m-0">
          {t("asks")}: {consent.authority.name}
          {consent.caseReference && ` · ${t("caseReference")}: ${consent.caseReference}`}
        </p>
        <p className="m-0">
          {t("why")}: {pick(consent.purpose)}
        </p>
        <p className="m-0">
          <strong>{consent.answerBy ? `${t("answerBy")}: ${date(consent.answerBy)}` : t("noDeadline")}</strong>
        </p>
        {signedByMe && (
          <p className="m-0">
            {t("awaitingOthersShort")} {consent.givers.filter((giver) => !signed.has(giver.id)).map((giver) => giver.name).join(", ")}
          </p>
        )}
      </article>
    </li>
  );
}

/** A given or ended consent: title as a link to its own page, status and the one date that matters. */
function ConsentItem({ consent }: { consent: CitizenConsentSummary }) {
  const { t, pick, date } = useLanguage();
  return (
    <li className="mb-4">
      <article aria-labelledby={`consent-${consent.id}`}>
        <h3 id={`consent-${consent.id}`} className="h5 mt-0 mb-1">
          <Link to={`/samtykker/${consent.id}`}>{pick(consent.title)}</Link>
        </h3>
        <p className="m-0">
          <StatusBadge status={consent.status} /> {consent.authority.name}
        </p>
        <Concerns consent={consent} />
        {IN_FORCE.has(consent.status) ? (
          <p className="m-0">
            {t("validUntil")}: {consent.validTo ? date(consent.validTo) : t("openEnded")}
          </p>
        ) : (
          consent.endedAt && (
            <p className="m-0">
              {t("endedOn")}: {date(consent.endedAt)}
            </p>
          )
        )}
      </article>
    </li>
  );
}

/** Whose consents the page shows: the citizen, a child in their custody, or a grantor. Only there when there is a choice. */
function ActingForSwitch() {
  const { t } = useLanguage();
  const { people, actingFor, actFor } = useCitizen();
  // Said once the citizen switches, so a screen reader hears that the lists below now are someone else's.
  const [switched, setSwitched] = useState(false);
  const label = (person: Person) => (person.relation === "SELF" ? `${t("yourself")} (${person.name})` : `${person.name} (${t(`relation_${person.relation}`)})`);
  if (people.length < 2) return null;
  return (
    <div className="form-group">
      <label className="form-label" htmlFor="acting-for">
        {t("actingFor")}
      </label>
      <span className="form-hint" id="acting-for-hint">
        {t("actingForHelp")}
      </span>
      <select
        className="form-select"
        id="acting-for"
        aria-describedby="acting-for-hint"
        value={actingFor.id}
        onChange={(event) => {
          actFor(event.target.value);
          setSwitched(true);
        }}
      >
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {label(person)}
          </option>
        ))}
      </select>
      <p role="status" className="sr-only">
        {switched && t("actingForNow").replace("{name}", actingFor.name)}
      </p>
    </div>
  );
}

/**
 * Narrows the lists by authority and by status, once there are more than a few. The choice is in
 * the address (`?myndighed=…&status=…`), so it survives a reload and the back button.
 */
function useListFilter(consents: CitizenConsentSummary[]) {
  const [params, setParams] = useSearchParams();
  const authorityId = params.get("myndighed") ?? "";
  const status = params.get("status") ?? "";
  const set = (key: "myndighed" | "status", value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const shown = consents.filter((consent) => (!authorityId || consent.authority.id === authorityId) && (!status || consent.status === status));
  return { authorityId, status, set, shown, offered: consents.length >= FILTER_FROM || !!authorityId || !!status };
}

/** One of the filter's choices: "Alle" first, then each value present in the lists. */
function FilterSelect({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: [string, string][]; onChange: (value: string) => void }) {
  const { t } = useLanguage();
  return (
    <div className="form-group mt-0 mr-6">
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <select className="form-select" id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t("filterAll")}</option>
        {options.map(([key, name]) => (
          <option key={key} value={key}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

function ListFilter({ consents, filter }: { consents: CitizenConsentSummary[]; filter: ReturnType<typeof useListFilter> }) {
  const { t, status: statusText } = useLanguage();
  const authorities = [...new Map(consents.map((consent) => [consent.authority.id, consent.authority.name])).entries()].sort((a, b) => a[1].localeCompare(b[1], "da"));
  const statuses = [...new Set(consents.map((consent) => consent.status))];
  return (
    <fieldset className="mb-6">
      <legend className="h4 mb-3">{t("filterTitle")}</legend>
      <div className="d-flex flex-wrap">
        <FilterSelect id="filter-authority" label={t("filterAuthority")} value={filter.authorityId} options={authorities} onChange={(value) => filter.set("myndighed", value)} />
        <FilterSelect id="filter-status" label={t("filterStatus")} value={filter.status} options={statuses.map((status) => [status, statusText(status)])} onChange={(value) => filter.set("status", value)} />
      </div>
      <p role="status" className="form-hint mb-0">
        {t("filterShown").replace("{shown}", String(filter.shown.length)).replace("{all}", String(consents.length))}
      </p>
    </fieldset>
  );
}

/**
 * What waits for the citizen's answer first (for everyone they answer for, each marked with whom it
 * concerns), then what is in force, then what has ended, for the person they act for.
 */
export function FrontPage() {
  const { t } = useLanguage();
  const { me, consents, actingFor } = useCitizen();
  const awaiting = consents.filter((consent) => consent.status === "REQUESTED");
  const theirs = consents.filter((consent) => consent.subject.id === actingFor.id && consent.status !== "REQUESTED");
  const filter = useListFilter(theirs);
  const active = filter.shown.filter((consent) => IN_FORCE.has(consent.status));
  const history = filter.shown.filter((consent) => !IN_FORCE.has(consent.status));
  const self = actingFor.id === me.id;
  const forThem = (key: "activeTitleFor" | "noActiveFor" | "historyTitleFor" | "noHistoryFor") => t(key).replace("{name}", actingFor.name);
  return (
    <Page title={t("frontTitle")}>
      <p className="font-lead">
        {me.name} ({me.cprMasked})
      </p>
      <ActingForSwitch />
      <section aria-labelledby="awaiting-title">
        <h2 id="awaiting-title">{t("awaitingTitle")}</h2>
        {awaiting.length === 0 ? (
          <p>{t("noneAwaiting")}</p>
        ) : (
          <ul className="nobullet-list">
            {awaiting.map((consent) => (
              <RequestItem key={consent.id} consent={consent} />
            ))}
          </ul>
        )}
      </section>
      {filter.offered && <ListFilter consents={theirs} filter={filter} />}
      <section aria-labelledby="active-title">
        <h2 id="active-title">{self ? t("activeTitle") : forThem("activeTitleFor")}</h2>
        {active.length === 0 ? (
          <p>{self ? t("noActive") : forThem("noActiveFor")}</p>
        ) : (
          <ul className="nobullet-list">
            {active.map((consent) => (
              <ConsentItem key={consent.id} consent={consent} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{self ? t("historyTitle") : forThem("historyTitleFor")}</h2>
        {history.length === 0 ? (
          <p>{self ? t("noHistory") : forThem("noHistoryFor")}</p>
        ) : (
          <ul className="nobullet-list">
            {history.map((consent) => (
              <ConsentItem key={consent.id} consent={consent} />
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
