import { useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { ErrorAlert, Page } from "@samtykke/web-kit";
import { useAuthorityLive } from "../../app/live.js";
import { useLanguage } from "../../lib/i18n.js";
import { AUTHORITY_TEMPLATE_LIST, type TemplateSummary } from "./operations.js";

/** The authority's templates by key: the version in use, drafts being written, and retired versions. */
export function TemplatesPage() {
  const { t, pick, date } = useLanguage();
  const { authorityId } = useAuthorityLive();
  const { data, error } = useQuery(AUTHORITY_TEMPLATE_LIST, { variables: { authorityId }, fetchPolicy: "cache-and-network" });
  const all = data ? [...data.published, ...data.drafts, ...data.retired] : [];
  const keys = [...new Set(all.map((template) => template.key))].sort();
  const statusText = (template: TemplateSummary) =>
    template.status === "PUBLISHED" ? t("templatePublished").replace("{date}", template.publishedAt ? date(template.publishedAt) : "") : t(`templateStatus_${template.status}`);
  return (
    <Page title={t("templatesTitle")}>
      <p>
        <Link to="/skabeloner/ny" className="button button-primary">
          {t("newTemplate")}
        </Link>
      </p>
      {error && <ErrorAlert error={error} />}
      {!data && !error && <p role="status">{t("loading")}</p>}
      {keys.map((key) => {
        const versions = all.filter((template) => template.key === key).sort((a, b) => b.version - a.version);
        const current = versions.find((template) => template.status === "PUBLISHED") ?? versions[0]!;
        return (
          <section key={key} aria-labelledby={`key-${key}`} className="mb-6">
            <h2 id={`key-${key}`} className="h3">
              {pick(current.title)}
            </h2>
            <p className="form-hint">
              {t("templateKey")}: {key}
            </p>
            <ul className="nobullet-list">
              {versions.map((template) => (
                <li key={template.id} className="mb-2">
                  <Link to={`/skabeloner/${template.id}`}>{t("versionN").replace("{n}", String(template.version))}</Link> – {statusText(template)}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </Page>
  );
}
