import { useEffect, useRef, type ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { usePageTitle, useSharedLanguage } from "./i18n.js";

// A move to a page whose heading is not there yet (it is still loading what it shows): the page's
// heading takes focus when it appears.
let headingFocusPending = false;

/** A page: its heading, which names it in the browser's title too (never with personal data), and its content. */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const { app, pick } = useSharedLanguage();
  // The front page is the app itself: its title is the app's alone.
  usePageTitle(title === pick(app.appTitle) ? undefined : title);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!headingFocusPending) return;
    headingFocusPending = false;
    heading.current?.focus();
  }, []);
  return (
    <>
      <h1 tabIndex={-1} ref={heading}>{title}</h1>
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
    const heading = document.querySelector<HTMLElement>("main h1");
    headingFocusPending = !heading;
    heading?.focus();
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
