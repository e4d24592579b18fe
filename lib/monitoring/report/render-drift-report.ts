import type { DriftReportColumn, DriftReportInput } from "./drift-report-input.ts";
import { escapeHtml } from "./escape-html.ts";
import { formatCount, formatNumber, formatPercent } from "./format-number.ts";
import { histogramSvg } from "./histogram-svg.ts";
import { REPORT_CSS } from "./report-styles.ts";

/**
 * A drift run as one self-contained HTML document (stored at reports/drift/<dataset>/<date>.html, shown in a
 * sandboxed iframe and downloadable): the dataset verdict, the run's facts (run id, model and version, dataset,
 * reference/current labels and row counts, creation time), a table of every column's test, statistic, threshold,
 * p-value, PSI and verdict, and one card per column with an inline SVG histogram of reference vs current.
 * Drifted columns come first (otherwise the input's order).
 *
 * Self-contained by construction: inline CSS only, no script, no external reference of any kind (not even the
 * SVG namespace URL, which inline SVG does not need), so it opens from disk with no network and runs nothing in the
 * iframe. Every string from the input is HTML-escaped; numbers are formatted (formatNumber), never interpolated raw.
 * Pure: the same input gives the same bytes.
 *
 * @throws RangeError when a column's histogram series do not match its bins (histogramSvg)
 */
export function renderDriftReport(input: DriftReportInput): string {
  const columns = orderColumns(input.columns);
  const drifted = columns.filter((c) => c.drifted).length;
  const e = escapeHtml;
  const model = input.model ? `${e(input.model.name)} v${formatCount(input.model.version)}` : "none";
  const psiCheck = input.check === "psi-baseline";
  const noVerdict = columns.filter((c) => c.psiStatus === null).length;
  const verdict = psiCheck ? (drifted > 0 ? "PSI check failed" : "PSI check passed") : input.datasetDrift ? "Dataset drift detected" : "No dataset drift";
  const rule = psiCheck
    ? `${drifted} of ${columns.length} columns at or above their PSI threshold${noVerdict > 0 ? `; ${noVerdict} without enough data for a verdict` : ""}`
    : `${drifted} of ${columns.length} columns drifted (${formatPercent(input.share)}; dataset drift at ${formatPercent(input.shareThreshold)} or more)`;

  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${e(input.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    "</head>",
    "<body>",
    "<main>",
    "<header>",
    `<h1>${e(input.title)}</h1>`,
    `<p class="verdict"><span class="badge ${statusClass(input.status)}">${e(input.status)}</span> <strong>${verdict}</strong> <span>${rule}</span></p>`,
    '<dl class="meta">',
    meta("Dataset", e(input.dataset)),
    meta("Model", model),
    meta("Run", `<code>${e(input.runId)}</code>`),
    meta("Created", `<time datetime="${e(input.createdAt)}">${e(input.createdAt)}</time>`),
    meta("Reference", `${e(input.referenceLabel)} · ${formatCount(input.referenceRows)} rows`),
    meta("Current", `${e(input.currentLabel)} · ${formatCount(input.currentRows)} rows`),
    "</dl>",
    "</header>",
    summaryTable(columns, psiCheck),
    '<section class="columns" aria-label="Columns">',
    ...columns.map((c, i) => columnCard(c, i, input)),
    "</section>",
    "<footer>",
    ...(psiCheck ? PSI_CHECK_FOOTER : MODEL_DRIFT_FOOTER),
    "</footer>",
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

const PSI_CHECK_FOOTER = [
  "<p>A data-quality PSI check compares the dataset's current rows with a baseline sample frozen by its first check (the reference). Each numeric column fails when its PSI (Population Stability Index, on ten reference-quantile bins) is at or above the threshold shown; the check fails when any column fails. A column with too few values on a side gets no verdict (not enough data).</p>",
  "<p>Bars show each bin's share of its own rows, so reference and current compare even when their sizes differ.</p>",
];

const MODEL_DRIFT_FOOTER = [
  "<p>A column drifts when its test's p-value is below its threshold (Kolmogorov–Smirnov, chi-square, z-test) or when its distance is at or above its threshold (Wasserstein, Jensen–Shannon). The dataset drifts when the share of drifted columns reaches the dataset threshold.</p>",
  "<p>PSI (Population Stability Index, on reference-quantile bins) is reported beside the test with its own pass / warn / fail bands. Bars show each bin's share of its own rows, so reference and current compare even when their sizes differ.</p>",
];

/** Drifted columns first; within each group the order the drift run listed them (a stable sort). */
function orderColumns(columns: readonly DriftReportColumn[]): DriftReportColumn[] {
  return columns.map((c, i) => ({ c, i })).sort((a, b) => Number(b.c.drifted) - Number(a.c.drifted) || a.i - b.i).map(({ c }) => c);
}

function meta(term: string, html: string): string {
  return `<div><dt>${term}</dt><dd>${html}</dd></div>`;
}

const verdictBadge = (drifted: boolean) => (drifted ? '<span class="badge fail">drifted</span>' : '<span class="badge pass">no drift</span>');
/** A column's PSI status; no status means "n/a" (categories) or, in a PSI check, too few values for a verdict. */
const psiBadge = (status: DriftReportColumn["psiStatus"], psiCheck = false) =>
  status ? `<span class="badge ${statusClass(status)}">${escapeHtml(status)}</span>` : `<span class="badge none">${psiCheck ? "not enough data" : "n/a"}</span>`;

/** A status as a CSS class: only the three known ones (the input is JSON from elsewhere; a class is markup too). */
function statusClass(status: string): "pass" | "warn" | "fail" | "none" {
  return status === "pass" || status === "warn" || status === "fail" ? status : "none";
}

/** The rule a column's verdict used, as HTML: "p &lt; 0.05" or "statistic ≥ 0.1". */
function ruleText(c: DriftReportColumn): string {
  return c.pValue === null ? `statistic ≥ ${formatNumber(c.threshold)}` : `p &lt; ${formatNumber(c.threshold)}`;
}

function summaryTable(columns: readonly DriftReportColumn[], psiCheck: boolean): string {
  const rows = columns.map(
    (c) =>
      `<tr><td class="name">${escapeHtml(c.column)}</td><td>${escapeHtml(c.kind)}</td><td>${escapeHtml(c.test)}</td>` +
      `<td class="num">${formatNumber(c.statistic)}</td><td class="num">${formatNumber(c.pValue)}</td><td>${ruleText(c)}</td>` +
      `<td class="num">${formatNumber(c.psi)}</td><td>${psiBadge(c.psiStatus, psiCheck)}</td><td>${verdictBadge(c.drifted)}</td></tr>`,
  );
  return [
    '<div class="table-wrap">',
    "<table>",
    "<caption>Per-column results, drifted first</caption>",
    '<thead><tr><th scope="col">Column</th><th scope="col">Type</th><th scope="col">Test</th><th scope="col" class="num">Statistic</th><th scope="col" class="num">p-value</th><th scope="col">Drift when</th><th scope="col" class="num">PSI</th><th scope="col">PSI status</th><th scope="col">Verdict</th></tr></thead>',
    `<tbody>${rows.join("")}</tbody>`,
    "</table>",
    "</div>",
  ].join("\n");
}

function columnCard(c: DriftReportColumn, index: number, input: DriftReportInput): string {
  const svg = histogramSvg(c.histogram, { id: `col-${index}`, column: c.column, referenceLabel: input.referenceLabel, currentLabel: input.currentLabel });
  const stat = (term: string, value: string) => `<div><dt>${term}</dt><dd>${value}</dd></div>`;
  return [
    `<article class="card${c.drifted ? " drifted" : ""}">`,
    `<header><h2>${escapeHtml(c.column)}</h2>${verdictBadge(c.drifted)}</header>`,
    '<dl class="stats">',
    stat("Test", `${escapeHtml(c.test)} (${escapeHtml(c.kind)})`),
    stat("Statistic", formatNumber(c.statistic)),
    stat("p-value", formatNumber(c.pValue)),
    stat("Drift when", ruleText(c)),
    stat("PSI", `${formatNumber(c.psi)} ${psiBadge(c.psiStatus, input.check === "psi-baseline")}`),
    "</dl>",
    `<figure>${svg}<figcaption>${escapeHtml(input.referenceLabel)} vs ${escapeHtml(input.currentLabel)}: share of rows per ${c.histogram.kind === "numeric" ? "bin" : "category"}</figcaption></figure>`,
    "</article>",
  ].join("\n");
}
