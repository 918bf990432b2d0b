import { useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { ErrorAlert, Page } from "@samtykke/web-kit";
import { useLanguage } from "../../lib/i18n.js";
import { PUBLIC_REGISTER } from "./operations.js";

/** What every authority asks consent for, open to anyone without signing in: each template in use, with how many hold a consent on it. */
export function RegisterPage() {
  const { t, pick, date } = useLanguage();
  const { data, error } = useQuery(PUBLIC_REGISTER, { fetchPolicy: "cache-and-network" });
  const byAuthority = new Map<string, { name: string; templates: NonNullable<typeof data>["templates"] }>();
  for (const template of data?.templates ?? []) {
    const entry = byAuthority.get(template.authority.id) ?? { name: template.authority.name, templates: [] };
    entry.templates.push(template);
    byAuthority.set(template.authority.id, entry);
  }
  const authorities = [...byAuthority.entries()].sort(([, a], [, b]) => a.name.localeCompare(b.name, "da"));
  return (
    <Page title={t("registerTitle")}>
      <p className="font-lead">{t("registerIntro")}</p>
      {error && <ErrorAlert error={error} />}
      {!data && !error && <p role="status">{t("loading")}</p>}
      {data && authorities.length === 0 && <p>{t("registerEmpty")}</p>}
      {authorities.map(([id, authority]) => (
        <section key={id} aria-labelledby={`authority-${id}`} className="mb-6">
          <h2 id={`authority-${id}`} className="h3">
            {authority.name}
          </h2>
          <ul className="nobullet-list">
            {authority.templates.map((template) => (
              <li key={template.id} className="mb-4">
                <Link to={`/register/${encodeURIComponent(template.key)}`}>{pick(template.title)}</Link>
                <span className="d-block form-hint">
                  {t("registerVersion").replace("{n}", String(template.version))}
                  {template.publishedAt && ` · ${t("registerPublished").replace("{date}", date(template.publishedAt))}`}
                  {" · "}
                  {template.consentsInForce === null ? t("registerFewInForce") : t("registerInForce").replace("{n}", String(template.consentsInForce))}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Page>
  );
}
