import { Link, useSearchParams } from "react-router";
import { useLanguage } from "./i18n.js";

export const PAGE_SIZE = 10;

interface CursorParams {
  after: string | null;
  before: string | null;
  /** The whole query string, whose other parameters (a filter, say) every page keeps. */
  params: URLSearchParams;
}

/** Where a newest-first list starts, from the address: `?efter=<cursor>` the page older than an entry, `?foer=<cursor>` the page newer than one. */
export function useCursorParams(): CursorParams {
  const [params] = useSearchParams();
  const after = params.get("efter");
  return { after, before: after ? null : params.get("foer"), params };
}

/** The address of another page of the same list: its cursor in place of this one's, the other parameters kept. */
function pageAddress(params: URLSearchParams, cursor?: { key: "efter" | "foer"; value: string }): string {
  const next = new URLSearchParams(params);
  next.delete("efter");
  next.delete("foer");
  if (cursor) next.set(cursor.key, cursor.value);
  return `?${next.toString()}`;
}

/**
 * The page to show of what the API returned for `useCursorParams` with `first: PAGE_SIZE + 1`: the
 * one more asked for tells whether there is more that way (newer than a cursor, it is the newest, on top).
 */
export function cursorPage<T extends { cursor: string }>(all: readonly T[], { after, before, params }: CursorParams) {
  const items = before ? all.slice(-PAGE_SIZE) : all.slice(0, PAGE_SIZE);
  const hasOlder = before ? items.length > 0 : all.length > PAGE_SIZE;
  const hasNewer = before ? all.length > PAGE_SIZE : !!after;
  return {
    items,
    newer: hasNewer && items.length ? pageAddress(params, { key: "foer", value: items[0]!.cursor }) : undefined,
    older: hasOlder && items.length ? pageAddress(params, { key: "efter", value: items.at(-1)!.cursor }) : undefined,
    newest: after || before ? pageAddress(params) : undefined,
  };
}

/**
 * dkfds pagination for a list paged by cursors, newest first: newer and older as links (each page
 * has its own address), and a way back to the newest when the citizen is deep in the list.
 */
export function CursorPager({ newer, older, newest }: { newer?: string; older?: string; newest?: string }) {
  const { t } = useLanguage();
  if (!newer && !older) return null;
  return (
    <nav className="pagination" aria-label={t("pagination")}>
      {newest && (
        <Link className="button button-tertiary mr-4" to={newest}>
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
