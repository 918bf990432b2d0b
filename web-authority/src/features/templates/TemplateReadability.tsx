import { LIX_HARD, LIX_PUBLISH_LIMIT } from "@samtykke/template/readability";
import { hasText, useLanguage } from "../../lib/i18n.js";
import { TableRegion } from "../../lib/TableRegion.js";
import type { TemplateDetail } from "./operations.js";

type Scored = TemplateDetail["readability"][number];

/** The words a caseworker knows a text by: the editor's own labels. */
function useTextName() {
  const { t } = useLanguage();
  return (field: string) => {
    const choice = /^choices\.(\d+)\.(group|label)$/.exec(field);
    if (!choice) {
      const key = `field_${field}`;
      return hasText(key) ? t(key) : field;
    }
    return `${t("choiceN").replace("{n}", String(Number(choice[1]) + 1))}: ${t(choice[2] === "group" ? "choiceGroup" : "choiceLabel")}`;
  };
}

function band(lix: number | null) {
  if (lix === null) return "lixBand_short" as const;
  if (lix > LIX_PUBLISH_LIMIT) return "lixBand_veryHard" as const;
  if (lix >= LIX_HARD) return "lixBand_hard" as const;
  return lix >= 35 ? ("lixBand_medium" as const) : ("lixBand_easy" as const);
}

/** The texts that cannot be published without a reason. */
export const tooHard = (template: TemplateDetail): Scored[] => template.readability.filter((text) => text.lix !== null && text.lix > LIX_PUBLISH_LIMIT);

/** Each Danish text's LIX as the API scores it, and the reason recorded when a hard one was published. */
export function TemplateReadability({ template }: { template: TemplateDetail }) {
  const { t } = useLanguage();
  const name = useTextName();
  return (
    <section aria-labelledby="readability-title" className="mb-6">
      <h2 id="readability-title" className="h3">
        {t("readabilityTitle")}
      </h2>
      <p className="form-hint">{t("readabilityIntro")}</p>
      <TableRegion label={t("readabilityTitle")}>
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t("readabilityText")}</th>
              <th scope="col">{t("readabilityScore")}</th>
              <th scope="col">{t("readabilityBand")}</th>
            </tr>
          </thead>
          <tbody>
            {template.readability.map((text) => (
              <tr key={text.field}>
                <th scope="row">{name(text.field)}</th>
                <td>{text.lix ?? "–"}</td>
                <td>{t(band(text.lix))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {template.readabilityReason && (
        <dl className="summary-list mt-4">
          <div>
            <dt>{t("readabilityReasonShown")}</dt>
            <dd>{template.readabilityReason}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
