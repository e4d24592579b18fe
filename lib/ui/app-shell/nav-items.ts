/** The main navigation, in order. */
export const NAV_ITEMS = [
  { href: "/", label: "Overview" },
  { href: "/pipelines", label: "Pipelines" },
  { href: "/runs", label: "Runs" },
  { href: "/models", label: "Models" },
  { href: "/predictions", label: "Predictions" },
  { href: "/monitoring", label: "Monitoring" },
  { href: "/predict", label: "Predict" },
  { href: "/data", label: "Data" },
  { href: "/data/quality", label: "Quality" },
  { href: "/data/rejects", label: "Rejects" },
  { href: "/data/upload", label: "Upload" },
  { href: "/crypto", label: "Crypto" },
] as const satisfies readonly { href: string; label: string }[];

/**
 * The nav href that marks the current page: the longest one that is the path or a parent of it, so
 * /data/quality/abc marks "Quality" (not "Data") and /runs/abc marks "Runs". Undefined when none matches (/login).
 */
export function activeNavHref(pathname: string, hrefs: readonly string[] = NAV_ITEMS.map((i) => i.href)): string | undefined {
  let best: string | undefined;
  for (const href of hrefs) {
    const matches = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
    if (matches && (best === undefined || href.length > best.length)) best = href;
  }
  return best;
}
