import { useLanguage } from "../../lib/i18n.js";
import { TEXT_FIELDS, type DraftInput, type TemplateDetail } from "./operations.js";

/** What a draft changes against the published version, text by text: the old text struck through, the new one inserted. */
export function TemplateDiff({ draft, published }: { draft: DraftInput; published: TemplateDetail }) {
  const { t } = useLanguage();
  const changes = TEXT_FIELDS.flatMap((field) =>
    (["da", "en"] as const).filter((language) => draft[field][language] !== published[field][language]).map((language) => ({ field, language })),
  );
  const choicesChanged = JSON.stringify(draft.choices.map(({ key, label }) => [key, label.da, label.en])) !== JSON.stringify(published.choices.map(({ key, label }) => [key, label.da, label.en]));
  return (
    <section aria-labelledby="diff-title" className="mb-6">
      <h2 id="diff-title" className="h3">
        {t("diffTitle").replace("{n}", String(published.version))}
      </h2>
      {changes.length === 0 && !choicesChanged && <p>{t("diffNone")}</p>}
      <dl>
        {changes.map(({ field, language }) => (
          <div key={`${field}-${language}`} className="mb-4">
            <dt>
              {t(`field_${field}`)} ({language === "da" ? t("inDanish") : t("inEnglish")})
            </dt>
            <dd className="m-0">
              <del lang={language} className="d-block">
                <span className="sr-only">{t("diffBefore")}: </span>
                {published[field][language]}
              </del>
              <ins lang={language} className="d-block">
                <span className="sr-only">{t("diffAfter")}: </span>
                {draft[field][language]}
              </ins>
            </dd>
          </div>
        ))}
      </dl>
      {choicesChanged && <p>{t("diffChoices")}</p>}
    </section>
  );
}
