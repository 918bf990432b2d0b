import { MainMenu } from "@samtykke/web-kit";
import { useLanguage } from "../lib/i18n.js";

export function Navigation() {
  const { t } = useLanguage();
  return (
    <MainMenu
      label={t("navMain")}
      items={[
        { to: "/", label: t("navFront"), end: true },
        { to: "/postkasse", label: t("navMailbox") },
        { to: "/adgangslog", label: t("navAccessLog") },
        { to: "/mine-data", label: t("navMyData") },
        { to: "/register", label: t("navRegister") },
      ]}
    />
  );
}
