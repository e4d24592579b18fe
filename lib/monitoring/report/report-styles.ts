/**
 * The report's only stylesheet, inlined in its <head>: the file opens from disk with no network, so nothing is
 * linked. One set of colour tokens (light by default, dark under prefers-color-scheme, light again for print, as
 * the app's design tokens do); system fonts; a single column on a phone, a grid of column cards from ~900px; tables
 * scroll sideways inside their box instead of widening the page; cards never split across printed pages.
 */
export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #f8fafc; --card: #ffffff; --text: #0f172a; --muted: #475569; --border: #e2e8f0; --grid: #e2e8f0;
  --ref: #64748b; --cur: #2563eb;
  --pass-bg: #dcfce7; --pass-fg: #166534; --warn-bg: #fef3c7; --warn-fg: #92400e; --fail-bg: #fee2e2; --fail-fg: #991b1b;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0b1120; --card: #111827; --text: #e5e7eb; --muted: #9ca3af; --border: #1f2937; --grid: #1f2937;
    --ref: #94a3b8; --cur: #60a5fa;
    --pass-bg: #052e16; --pass-fg: #86efac; --warn-bg: #422006; --warn-fg: #fcd34d; --fail-bg: #450a0a; --fail-fg: #fca5a5;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 1200px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.5rem; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 1.1rem; margin: 0; overflow-wrap: anywhere; }
.verdict { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin: 8px 0 16px; font-size: 1.05rem; }
.badge { display: inline-block; white-space: nowrap; padding: 1px 8px; border-radius: 999px; font-size: 0.8rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.03em; }
.pass { background: var(--pass-bg); color: var(--pass-fg); }
.warn { background: var(--warn-bg); color: var(--warn-fg); }
.fail { background: var(--fail-bg); color: var(--fail-fg); }
.none { background: var(--border); color: var(--muted); }
.meta { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 220px), 1fr)); gap: 8px 16px; margin: 0 0 20px; padding: 12px 16px; background: var(--card); border: 1px solid var(--border); border-radius: 10px; }
.meta div { min-width: 0; }
.meta dt, .stats dt { color: var(--muted); font-size: 0.8rem; }
.meta dd, .stats dd { margin: 0; overflow-wrap: anywhere; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; background: var(--card); border: 1px solid var(--border); border-radius: 10px; margin-bottom: 20px; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { padding: 8px 10px; text-align: left; border-bottom: 1px solid var(--border); white-space: nowrap; }
td.name { white-space: normal; overflow-wrap: anywhere; min-width: 10rem; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr:last-child td { border-bottom: 0; }
caption { text-align: left; padding: 10px 10px 0; color: var(--muted); }
.columns { display: grid; grid-template-columns: 1fr; gap: 16px; }
@media (min-width: 900px) { .columns { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
.card { background: var(--card); border: 1px solid var(--border); border-radius: 10px; padding: 14px 16px; min-width: 0; }
.card.drifted { border-color: var(--fail-fg); }
.card header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px; justify-content: space-between; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 130px), 1fr)); gap: 6px 12px; margin: 10px 0; }
figure { margin: 0; }
figcaption { color: var(--muted); font-size: 0.8rem; }
svg.histogram { display: block; width: 100%; height: auto; }
svg .bar-ref { fill: var(--ref); }
svg .bar-cur { fill: var(--cur); }
svg .grid { stroke: var(--grid); stroke-width: 1; }
svg .axis { stroke: var(--muted); stroke-width: 1; }
svg text { fill: var(--text); font-size: 14px; font-family: inherit; }
svg .tick { fill: var(--muted); font-size: 13px; }
svg .axis-label { fill: var(--muted); font-size: 14px; }
footer { color: var(--muted); font-size: 0.85rem; margin-top: 24px; }
footer p { margin: 4px 0; }
@media print {
  :root {
    --bg: #ffffff; --card: #ffffff; --text: #000000; --muted: #374151; --border: #d1d5db; --grid: #e5e7eb;
    --ref: #6b7280; --cur: #1d4ed8;
    --pass-bg: #dcfce7; --pass-fg: #166534; --warn-bg: #fef3c7; --warn-fg: #92400e; --fail-bg: #fee2e2; --fail-fg: #991b1b;
  }
  body { font-size: 11pt; }
  table { font-size: 9pt; }
  th, td { padding: 4px 6px; }
  main { max-width: none; padding: 0; }
  .table-wrap { overflow: visible; }
  th, td { white-space: normal; }
  .columns { grid-template-columns: 1fr 1fr; }
  .card, tr { break-inside: avoid; page-break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
