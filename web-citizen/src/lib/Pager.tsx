import { Link, useSearchParams } from "react-router";
import { useLanguage } from "./i18n.js";

export const PAGE_SIZE = 10;

/** Where a newest-first list starts, from the address: `?efter=<cursor>` the page older than an entry, `?foer=<cursor>` the page newer than one. */
export function useCursorParams(): { after: string | null; before: string | null } {
  const [params] = useSearchParams();
  const after = params.get("efter");
  return { after, before: after ? null : params.get("foer") };
}

/**
 * The page to show of what the API returned for `useCursorParams` with `first: PAGE_SIZE + 1`: the
 * one more asked for tells whether there is more that way (newer than a cursor, it is the newest, on top).
 */
export function cursorPage<T extends { cursor: string }>(all: readonly T[], { after, before }: { after: string | null; before: string | null }) {
  const items = before ? all.slice(-PAGE_SIZE) : all.slice(0, PAGE_SIZE);
  const hasOlder = before ? items.length > 0 : all.length > PAGE_SIZE;
  const hasNewer = before ? all.length > PAGE_SIZE : !!after;
  return {
    items,
    newer: hasNewer && items.length ? `?foer=${encodeURIComponent(items[0]!.cursor)}` : undefined,
    older: hasOlder && items.length ? `?efter=${encodeURIComponent(items.at(-1)!.cursor)}` : undefined,
    deep: !!after || !!before,
  };
}

/**
 * dkfds pagination for a list paged by cursors, newest first: newer and older as links (each page
 * has its own address), and a way back to the newest when the citizen is deep in the list.
 */
export function CursorPager({ newer, older, deep }: { newer?: string; older?: string; deep: boolean }) {
  const { t } = useLanguage();
  if (!newer && !older) return null;
  return (
    <nav className="pagination" aria-label={t("pagination")}>
      {deep && (
        <Link className="button button-tertiary mr-4" to="?">
          {t("newestPage")}
        </Link>
      )}
      {newer && (
        <Link className="button button-secondary button-previous mr-4" to={newer}>
          {t("newerPage")}
        </Link>
      )}
      {older && (
        <Link className="button button-secondary button-next" to={older}>
          {t("olderPage")}
        </Link>
      )}
    </nav>
  );
}
