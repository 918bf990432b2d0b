import { useEffect, useRef, type ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { usePageTitle, useSharedLanguage } from "./i18n.js";

/** A page: its heading, which names it in the browser's title too (never with personal data), and its content. */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const { app, pick } = useSharedLanguage();
  // The front page is the app itself: its title is the app's alone.
  usePageTitle(title === pick(app.appTitle) ? undefined : title);
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      {children}
    </>
  );
}

/** After a move to another page of the app, focus its heading, so a screen reader starts there. */
export function FocusOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>("main h1")?.focus();
  }, [pathname]);
  return null;
}

/** What an address that names nothing the reader may see shows: the same whether it never existed or is not theirs. */
export function NotFound() {
  const { shared: t } = useSharedLanguage();
  return (
    <Page title={t("notFoundTitle")}>
      <p>{t("notFound")}</p>
      <Link to="/">{t("backToFront")}</Link>
    </Page>
  );
}
