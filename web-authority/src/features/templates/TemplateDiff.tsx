import { TextChanges } from "@samtykke/web-kit";
import { useLanguage } from "../../lib/i18n.js";
import { TEXT_FIELDS, type DraftInput, type TemplateDetail } from "./operations.js";

/** What a draft changes against the published version, text by text: the old text struck through, the new one inserted. */
export function TemplateDiff({ draft, published }: { draft: DraftInput; published: TemplateDetail }) {
  const { t } = useLanguage();
  const changes = TEXT_FIELDS.flatMap((field) =>
    (["da", "en"] as const)
      .filter((language) => draft[field][language] !== published[field][language])
      .map((language) => ({
        key: `${field}-${language}`,
        label: `${t(`field_${field}`)} (${language === "da" ? t("inDanish") : t("inEnglish")})`,
        lang: language,
        before: published[field][language],
        after: draft[field][language],
      })),
  );
  const choicesChanged = JSON.stringify(draft.choices.map(({ key, label }) => [key, label.da, label.en])) !== JSON.stringify(published.choices.map(({ key, label }) => [key, label.da, label.en]));
  return (
    <section aria-labelledby="diff-title" className="mb-6">
      <h2 id="diff-title" className="h3">
        {t("diffTitle").replace("{n}", String(published.version))}
      </h2>
      {changes.length === 0 && !choicesChanged && <p>{t("diffNone")}</p>}
      <TextChanges changes={changes} beforeLabel={t("diffBefore")} afterLabel={t("diffAfter")} />
      {choicesChanged && <p>{t("diffChoices")}</p>}
    </section>
  );
}
