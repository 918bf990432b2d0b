import { NavLink, useLocation } from "react-router";

export interface MenuItem {
  to: string;
  label: string;
  /** Current only on exactly this address (the front page), not on the pages under it. */
  end?: boolean;
}

/** The dkfds main menu; on a narrow screen its items wrap under the header instead of hiding. */
export function MainMenu({ label, items }: { label: string; items: MenuItem[] }) {
  const { pathname } = useLocation();
  return (
    <nav className="navigation-menu app-navigation" aria-label={label}>
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
