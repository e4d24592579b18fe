import { describe, expect, it } from "vitest";
import { checkWellFormed } from "./__fixtures__/html-well-formed.ts";
import { sampleDriftReportInput } from "./__fixtures__/sample-drift-report.ts";
import type { DriftReportInput } from "./drift-report-input.ts";
import { renderDriftReport } from "./render-drift-report.ts";

const count = (html: string, needle: string) => html.split(needle).length - 1;
/** The text of every <h2> in document order (the column cards' titles). */
const cardTitles = (html: string) => [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);

describe("renderDriftReport", () => {
  const input = sampleDriftReportInput();
  const html = renderDriftReport(input);

  it("writes well-formed HTML with one SVG histogram and one card per column", () => {
    const { errors, tags } = checkWellFormed(html);
    expect(errors).toEqual([]);
    expect(tags.get("svg")).toBe(input.columns.length);
    expect(tags.get("article")).toBe(input.columns.length);
    expect(tags.get("tr")).toBe(input.columns.length + 1); // header row + one per column
    expect(tags.get("html")).toBe(1);
  });

  it("is self-contained: no script, no URL, no external source, only inline CSS", () => {
    for (const forbidden of ["http", "<script", "src=", "href=", "url(", "@import", "<link", "<iframe", "on" + "load="]) {
      expect(html.includes(forbidden), forbidden).toBe(false);
    }
    expect(count(html, "<style>")).toBe(1);
  });

  it("lists drifted columns first, otherwise in the input's order", () => {
    expect(cardTitles(html)).toEqual(["watch_minutes_7d", "country", "logins_7d", "plan", "has_mobile_app"]);
    const tableOrder = [...html.matchAll(/<td class="name">(.*?)<\/td>/g)].map((m) => m[1]);
    expect(tableOrder).toEqual(cardTitles(html));
  });

  it("shows the run, the model and version, the dataset, both row counts, the time and the dataset verdict", () => {
    expect(html).toContain("<title>Drift report: elearning</title>");
    expect(html).toContain("<code>5b0e8a52-3c1d-4f7e-9a61-0c2d9e4b7f10</code>");
    expect(html).toContain("elearning-churn v3");
    expect(html).toContain("training set (elearning-churn v3) · 180,000 rows");
    expect(html).toContain("scored 2026-03-01 · 2,000 rows");
    expect(html).toContain('<time datetime="2026-03-02T06:00:00.000Z">2026-03-02T06:00:00.000Z</time>');
    expect(html).toContain('<span class="badge warn">warn</span> <strong>No dataset drift</strong>');
    expect(html).toContain("2 of 5 columns drifted (40.0%; dataset drift at 50.0% or more)");
  });

  it("gives each column its test, statistic, p-value, rule, PSI and verdict", () => {
    const row = (column: string) => new RegExp(`<tr><td class="name">${column}</td>(.*?)</tr>`).exec(html)![1];
    expect(row("country")).toBe(
      '<td>categorical</td><td>chisquare</td><td class="num">412.7</td><td class="num">3.2e-84</td><td>p &lt; 0.05</td>' +
        '<td class="num">–</td><td><span class="badge none">n/a</span></td><td><span class="badge fail">drifted</span></td>',
    );
    expect(row("watch_minutes_7d")).toBe(
      '<td>numeric</td><td>wasserstein</td><td class="num">4.87</td><td class="num">–</td><td>statistic ≥ 0.1</td>' +
        '<td class="num">3.91</td><td><span class="badge fail">fail</span></td><td><span class="badge fail">drifted</span></td>',
    );
    expect(row("logins_7d")).toContain('<span class="badge pass">no drift</span>');
  });

  it("says when there is no model, and shows a dataset drift FAIL", () => {
    const failing = renderDriftReport({ ...input, model: null, datasetDrift: true, status: "fail", share: 0.6 });
    expect(failing).toContain("<dt>Model</dt><dd>none</dd>");
    expect(failing).toContain('<span class="badge fail">fail</span> <strong>Dataset drift detected</strong>');
  });

  it("escapes every user-supplied string, so a hostile column name stays text", () => {
    const hostile = "<img src=x onerror=alert(1)>";
    const evil: DriftReportInput = {
      ...input,
      title: `${hostile} title`,
      dataset: `${hostile} dataset`,
      runId: `"><script>alert(2)</script>`,
      createdAt: `" onmouseover="alert(3)`,
      model: { name: hostile, version: 1 },
      referenceLabel: `ref ${hostile}`,
      currentLabel: `cur ' " &`,
      columns: input.columns.map((c, i) =>
        i === 2 && c.histogram.kind === "categorical"
          ? { ...c, column: hostile, test: hostile, histogram: { ...c.histogram, categories: [hostile, "a&b", '"q"', "<"] } }
          : i === 0 ? { ...c, column: hostile } : c,
      ),
    };
    const out = renderDriftReport(evil);
    expect(out.includes("<img")).toBe(false);
    expect(out.includes("<script")).toBe(false);
    expect(out).not.toMatch(/\s(onerror|onmouseover)="/);
    expect(out).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(out).toContain("cur &#39; &quot; &amp;");
    const { errors, tags } = checkWellFormed(out);
    expect(errors).toEqual([]);
    expect(tags.get("svg")).toBe(evil.columns.length);
  });

  it("never puts an unknown status into a class attribute", () => {
    const odd = renderDriftReport({ ...input, status: 'x" onclick="y' as unknown as "pass" });
    expect(odd).toContain('<span class="badge none">x&quot; onclick=&quot;y</span>');
  });

  it("fits a phone, prints and follows the system's dark mode", () => {
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("@media (prefers-color-scheme: dark)");
    expect(html).toContain("@media print");
    expect(html).toContain("overflow-x: auto"); // the wide table scrolls inside its box on a phone
  });

  it("is deterministic: the same input gives the same bytes", () => {
    expect(renderDriftReport(sampleDriftReportInput())).toBe(html);
  });

  it("throws a RangeError when a histogram's series do not match its bins", () => {
    const broken = sampleDriftReportInput();
    broken.columns[0]!.histogram = { kind: "numeric", edges: [0, 1, 2], reference: [1, 2, 3], current: [1, 2] };
    expect(() => renderDriftReport(broken)).toThrow(RangeError);
  });
});

describe("checkWellFormed (the test's own parser)", () => {
  it("catches unbalanced tags, a raw < in text, unquoted attributes and bare ampersands", () => {
    expect(checkWellFormed("<!doctype html><p><b>x</p></b>").errors.length).toBeGreaterThan(0);
    expect(checkWellFormed("<!doctype html><p>p < 0.05</p>").errors.length).toBeGreaterThan(0);
    expect(checkWellFormed("<!doctype html><p class=x>y</p>").errors.length).toBeGreaterThan(0);
    expect(checkWellFormed("<!doctype html><p>a & b</p>").errors.length).toBeGreaterThan(0);
    expect(checkWellFormed("<!doctype html><div>").errors).toEqual(["unclosed: div"]);
    expect(checkWellFormed('<!doctype html><p title="a &amp; b">a &lt; b<br></p>').errors).toEqual([]);
  });
});

describe("renderDriftReport (check psi-baseline)", () => {
  const numeric = { kind: "numeric" as const, edges: [0, 1, 2], reference: [0.5, 0.5], current: [0.1, 0.9] };
  const input: DriftReportInput = {
    ...sampleDriftReportInput(),
    check: "psi-baseline",
    title: "PSI check: elearning",
    model: null,
    columns: [
      { column: "watch_minutes_30", kind: "numeric", test: "psi", statistic: 0.51, pValue: null, threshold: 0.2, drifted: true, psi: 0.51, psiStatus: "fail", histogram: numeric },
      { column: "quiz_score_mean", kind: "numeric", test: "psi", statistic: 0.33, pValue: null, threshold: 0.2, drifted: false, psi: 0.33, psiStatus: null, histogram: numeric },
      { column: "logins_7", kind: "numeric", test: "psi", statistic: 0.01, pValue: null, threshold: 0.2, drifted: false, psi: 0.01, psiStatus: "pass", histogram: numeric },
    ],
  };
  const html = renderDriftReport(input);

  it("says PSI check, counts failing and unjudged columns, and explains the PSI rule instead of the drift tests", () => {
    expect(checkWellFormed(html).errors).toEqual([]);
    expect(html).toContain("<strong>PSI check failed</strong>");
    expect(html).toContain("1 of 3 columns at or above their PSI threshold; 1 without enough data for a verdict");
    expect(html).toContain("A data-quality PSI check compares");
    expect(html).not.toContain("Dataset drift detected");
    expect(html).not.toContain("Kolmogorov");
    expect(count(html, `<span class="badge none">not enough data</span>`)).toBe(2); // the table row and the card of quiz_score_mean
    expect(renderDriftReport({ ...input, columns: input.columns.slice(2) })).toContain("<strong>PSI check passed</strong>");
  });

  it("keeps the drift wording when no check kind is given", () => {
    const drift = renderDriftReport(sampleDriftReportInput());
    expect(drift).not.toContain("PSI check");
    expect(drift).not.toContain("not enough data");
  });
});
