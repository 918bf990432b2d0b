import type { ReactNode } from "react";
import { usePageTitle } from "@samtykke/web-kit";
import { useLanguage } from "./i18n.js";

/** A page: its heading, which names it in the browser's title too (never with personal data), and its content. */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const { app, pick } = useLanguage();
  // The front page is the app itself: its title is the app's alone.
  usePageTitle(title === pick(app.appTitle) ? undefined : title);
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      {children}
    </>
  );
}
