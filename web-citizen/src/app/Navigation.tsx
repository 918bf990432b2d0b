import { NavLink, useLocation } from "react-router";
import { useLanguage } from "../lib/i18n.js";

/** The dkfds main menu; on a narrow screen its items wrap under the header instead of hiding. */
export function Navigation() {
  const { t } = useLanguage();
  const { pathname } = useLocation();
  const items = [
    { to: "/", label: t("navFront"), end: true },
    { to: "/postkasse", label: t("navMailbox"), end: false },
    { to: "/adgangslog", label: t("navAccessLog"), end: false },
  ];
  return (
    <nav className="navigation-menu citizen-navigation" aria-label={t("navMain")}>
      <div className="navigation-menu-inner container">
        <ul className="mainmenu">
          {items.map((item) => (
            // dkfds marks the current item on the list item; NavLink adds aria-current="page".
            <li key={item.to} className={(item.end ? pathname === item.to : pathname.startsWith(item.to)) ? "active" : undefined}>
              <NavLink to={item.to} end={item.end} className="nav-link">
                <span>{item.label}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
