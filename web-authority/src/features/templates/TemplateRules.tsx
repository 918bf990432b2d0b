import { SummaryList } from "@samtykke/web-kit";
import { useLanguage } from "../../lib/i18n.js";
import type { TemplateDetail } from "./operations.js";

/** A version's rules as its requests follow them: how long a consent lasts, who answers, and what happens when nobody does. */
export function TemplateRules({ template }: { template: TemplateDetail }) {
  const { t, shared } = useLanguage();
  const days = (n: number | null | undefined, none: string) => (n ? t("afterDays").replace("{n}", String(n)) : none);
  return (
    <section aria-labelledby="rules-title" className="mb-6">
      <h2 id="rules-title" className="h3">
        {t("rulesTitle")}
      </h2>
      <SummaryList
        label={t("rulesTitle")}
        rows={[
          { key: "validity", name: t("validityDays"), value: template.defaultValidityDays ? String(template.defaultValidityDays) : t("openEnded") },
          { key: "signers", name: t("signersLabel"), value: t(`signers_${template.signers}`) },
          ...(template.signers === "YOUNG_PERSON_FROM_15" ? [{ key: "inform", name: t("informCustodyHolders"), value: template.informCustodyHolders ? shared("yes") : shared("no") }] : []),
          { key: "reminder", name: t("reminderAfterDays"), value: days(template.reminderAfterDays, t("noReminder")) },
          { key: "followUp", name: t("followUpAfterDays"), value: days(template.followUpAfterDays, t("noFollowUp")) },
          { key: "retention", name: t("retentionDays"), value: t("retentionAfterEnd").replace("{n}", String(template.retentionDays)) },
        ]}
      />
    </section>
  );
}
