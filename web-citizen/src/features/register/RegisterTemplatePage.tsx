import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { ConsentTexts, ErrorAlert, NotFound, Page, SummaryList, TextChanges, useGatewayUrl } from "@samtykke/web-kit";
import { useLanguage } from "../../lib/i18n.js";
import { REGISTER_TEMPLATE_VERSIONS, REGISTER_TEXT_FIELDS, type RegisterVersion } from "./operations.js";

/** What changed from one version to the next, in the reader's language. */
function VersionChanges({ older, newer }: { older: RegisterVersion; newer: RegisterVersion }) {
  const { t, language, shared } = useLanguage();
  const label = (field: (typeof REGISTER_TEXT_FIELDS)[number]) => (field === "title" ? t("registerFieldTitle") : shared(field));
  const changes = REGISTER_TEXT_FIELDS.filter((field) => older[field][language] !== newer[field][language]).map((field) => ({
    key: field,
    label: label(field),
    lang: language,
    before: older[field][language],
    after: newer[field][language],
  }));
  const choices = (version: RegisterVersion) => JSON.stringify(version.choices.map((choice) => [choice.key, choice.label[language]]));
  return (
    <>
      {changes.length === 0 && choices(older) === choices(newer) && <p>{t("registerNoChanges")}</p>}
      <TextChanges changes={changes} beforeLabel={t("registerBefore")} afterLabel={t("registerAfter")} />
      {choices(older) !== choices(newer) && <p>{t("registerChoicesChanged")}</p>}
    </>
  );
}

/** One template in the public register: its versions, the texts of the one chosen, what changed from the one before, and the machine-readable form. */
export function RegisterTemplatePage() {
  const { key = "" } = useParams();
  const { t, pick, date } = useLanguage();
  const gatewayUrl = useGatewayUrl();
  const { data, error } = useQuery(REGISTER_TEMPLATE_VERSIONS, { variables: { key }, fetchPolicy: "cache-and-network" });
  const [chosenId, setChosenId] = useState<string>();
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <p role="status">{t("loading")}</p>;
  const versions = data.templateVersions;
  if (versions.length === 0) return <NotFound />;
  const chosen = versions.find((version) => version.id === chosenId) ?? versions[0]!;
  const before = versions[versions.indexOf(chosen) + 1];
  const jsonLd = new URL(`/register/templates/${chosen.id}.jsonld`, new URL(gatewayUrl, window.location.href)).href;
  return (
    <Page title={pick(chosen.title)}>
      <p className="font-lead">{chosen.authority.name}</p>
      <div className="form-group">
        <label className="form-label" htmlFor="register-version">
          {t("registerChooseVersion")}
        </label>
        <select id="register-version" className="form-select" value={chosen.id} onChange={(event) => setChosenId(event.target.value)}>
          {versions.map((version) => (
            <option key={version.id} value={version.id}>
              {t("registerVersion").replace("{n}", String(version.version))} · {t(`registerStatus_${version.status as "PUBLISHED" | "RETIRED"}`)}
            </option>
          ))}
        </select>
      </div>
      <SummaryList
        label={t("registerFacts")}
        rows={[
          { key: "status", name: t("registerStatus"), value: t(`registerStatus_${chosen.status as "PUBLISHED" | "RETIRED"}`) },
          ...(chosen.publishedAt ? [{ key: "published", name: t("registerPublishedOn"), value: date(chosen.publishedAt) }] : []),
          { key: "inForce", name: t("registerInForceLabel"), value: chosen.consentsInForce === null ? t("registerFewInForceShort") : String(chosen.consentsInForce) },
          { key: "validity", name: t("registerValidity"), value: chosen.defaultValidityDays ? t("registerDays").replace("{n}", String(chosen.defaultValidityDays)) : t("registerUntilWithdrawn") },
          { key: "retention", name: t("registerRetention"), value: t("registerRetentionDays").replace("{n}", String(chosen.retentionDays)) },
          ...(chosen.thirdParty ? [{ key: "thirdParty", name: t("registerThirdParty"), value: chosen.thirdParty.name }] : []),
        ]}
      />
      <section aria-labelledby="register-texts" className="mb-6">
        <h2 id="register-texts" className="h3">
          {t("registerTexts")}
        </h2>
        <ConsentTexts consent={chosen} />
        {chosen.choices.length > 0 && (
          <>
            <h3 className="h4">{t("registerChoices")}</h3>
            <ul>
              {chosen.choices.map((choice) => (
                <li key={choice.key}>{pick(choice.label)}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      {before && (
        <section aria-labelledby="register-changes" className="mb-6">
          <h2 id="register-changes" className="h3">
            {t("registerChangesFrom").replace("{n}", String(before.version))}
          </h2>
          <VersionChanges older={before} newer={chosen} />
        </section>
      )}
      <p>
        <a href={jsonLd}>{t("registerJsonLd")}</a>
      </p>
      <Link to="/register">{t("registerBack")}</Link>
    </Page>
  );
}
