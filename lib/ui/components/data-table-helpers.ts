// Pure helpers of DataTable (no React): unit-tested in data-table-helpers.test.ts.

/** The aria-sort value of a column header for a TanStack sort state. */
export function ariaSort(direction: false | "asc" | "desc"): "ascending" | "descending" | "none" {
  return direction === "asc" ? "ascending" : direction === "desc" ? "descending" : "none";
}

/** The column-visibility state that hides exactly these column ids (TanStack reads only explicit `false` as hidden). */
export function hiddenColumns(ids: readonly string[]): Record<string, boolean> {
  return Object.fromEntries(ids.map((id) => [id, false]));
}

/** How many columns stay visible; the visibility menu refuses to hide the last one (an empty table helps no one). */
export function visibleCount(allIds: readonly string[], visibility: Readonly<Record<string, boolean>>): number {
  return allIds.filter((id) => visibility[id] !== false).length;
}

/** Number of pages for a server-paginated list (at least one, so "page 1 of 1" reads right when it is empty). */
export function pageCount(total: number, pageSize: number): number {
  if (!(pageSize > 0)) return 1;
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * `href` with these query parameters set (undefined/empty removes one), keeping its other parameters: the CSV link
 * and the pagination links of a filtered list carry the same filters as the page.
 */
export function withSearchParams(href: string, params: Readonly<Record<string, string | number | undefined | null>>): string {
  const hashAt = href.indexOf("#");
  const hash = hashAt >= 0 ? href.slice(hashAt) : "";
  const noHash = hashAt >= 0 ? href.slice(0, hashAt) : href;
  const queryAt = noHash.indexOf("?");
  const path = queryAt >= 0 ? noHash.slice(0, queryAt) : noHash;
  const search = new URLSearchParams(queryAt >= 0 ? noHash.slice(queryAt + 1) : "");
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") search.delete(key);
    else search.set(key, String(value));
  }
  const query = search.toString();
  return `${path}${query ? `?${query}` : ""}${hash}`;
}
