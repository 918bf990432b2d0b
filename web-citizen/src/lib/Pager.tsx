import { Link, useSearchParams } from "react-router";
import { useLanguage } from "./i18n.js";

export const PAGE_SIZE = 10;
/** The API returns at most this many of a list that has no cursor. */
export const API_MAX = 100;

/** The page asked for in `?side=`, from 1. */
export function usePageNumber(): number {
  const [params] = useSearchParams();
  const page = Number.parseInt(params.get("side") ?? "1", 10);
  return Number.isFinite(page) && page >= 1 ? Math.min(page, API_MAX / PAGE_SIZE) : 1;
}

/** How many to ask the API for to show page `page` and know whether there is another. */
export function firstFor(page: number): number {
  return Math.min(page * PAGE_SIZE + 1, API_MAX);
}

/** dkfds pagination: previous and next as links, so each page has its own address. */
export function Pager({ page, hasNext, atLimit }: { page: number; hasNext: boolean; atLimit: boolean }) {
  const { t } = useLanguage();
  if (page === 1 && !hasNext && !atLimit) return null;
  const to = (n: number) => (n === 1 ? "?" : `?side=${n}`);
  return (
    <nav className="pagination" aria-label={t("pagination")}>
      {page > 1 && (
        <Link className="button button-secondary button-previous mr-4" to={to(page - 1)}>
          {t("previousPage")}
        </Link>
      )}
      <span className="mx-4" aria-current="page">
        {t("pageN").replace("{n}", String(page))}
      </span>
      {hasNext && (
        <Link className="button button-secondary button-next ml-4" to={to(page + 1)}>
          {t("nextPage")}
        </Link>
      )}
      {atLimit && !hasNext && <p className="form-hint">{t("pagingLimit").replace("{n}", String(API_MAX))}</p>}
    </nav>
  );
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
