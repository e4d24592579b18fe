import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// /predictions, /monitoring and the Overview's cards on seeded scoring and drift runs (e2e/support/seed-monitoring.ts
// writes what the pipelines write): the top-K table with its reasons, filters and CSV, the drift verdict and
// per-column table with histograms, the stored report in a sandboxed iframe, estimated vs realised performance and
// the segment table, and the 390 px phone layout.
test.describe.configure({ mode: "serial" });

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MARKUP_ID = "<img src=x onerror=alert(1)>";

interface Seeded {
  scoringRunId: string;
  olderScoringRunId: string;
  driftRunId: string;
  reportKey: string;
  csvKey: string;
  topEntity: string;
  rows: number;
  highRisk: number;
  /** the latest run's CBPE estimate */
  estimate: { rocAuc: number; precisionAtK: number; k: number };
}
let seeded: Seeded;

test.beforeAll(() => {
  const out = spawnSync(process.execPath, ["--import", "./bin/register-hooks.mjs", "e2e/support/seed-monitoring.ts"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 150_000,
    env: { ...process.env, CHURNOPS_HOME: process.env.CHURNOPS_E2E_HOME, DATABASE_URL: "", INNGEST_DEV: "", INNGEST_BASE_URL: "", INNGEST_EVENT_KEY: "", NEXT_TELEMETRY_DISABLED: "1" },
  });
  expect(out.status, `stdout: ${out.stdout}\nstderr: ${out.stderr}`).toBe(0);
  seeded = JSON.parse(out.stdout.trim().split("\n").at(-1)!) as Seeded;
});

async function seriousViolations(page: Page): Promise<string[]> {
  // Chart SVGs sit inside their named role="img" frames; their ticks only make axe slow. The drift report is a stored
  // document (the drift pipeline's, a stub here) shown in a script-less sandbox: the page around it is what is checked.
  const result = await new AxeBuilder({ page }).exclude(".recharts-wrapper").exclude("iframe").analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n  ")}`);
}

async function pageWidth(page: Page) {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

test("/predictions shows the latest run, its top customers with their reasons, and the trend", async ({ page }) => {
  await page.goto("/predictions");
  await expect(page.getByRole("heading", { level: 1, name: "Predictions" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Datasets" }).getByRole("link", { name: "E-learning" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Predictions" })).toHaveAttribute("aria-current", "page");

  const summary = page.getByRole("region", { name: "Latest scoring run" });
  await expect(summary).toContainText(`Customers scored${seeded.rows}`);
  await expect(summary).toContainText(`High risk${seeded.highRisk}`);
  await expect(summary.getByRole("link", { name: `Download all ${seeded.rows} scores (CSV)` })).toHaveAttribute("href", `/api/artifacts/${seeded.csvKey}`);

  const table = page.getByRole("region", { name: "Customers at risk" });
  const top = table.getByRole("row").filter({ hasText: seeded.topEntity });
  await expect(top.getByRole("cell").first()).toHaveText("1");
  await expect(top).toContainText("0.950");
  await expect(top.locator('[data-slot="badge"]')).toHaveText("high");
  const reasons = top.getByRole("list", { name: "Reasons" }).getByRole("listitem");
  await expect(reasons).toHaveCount(3);
  await expect(reasons.nth(0)).toContainText("days_since_last_activity↑");
  await expect(reasons.nth(0)).toContainText("raises risk");
  await expect(reasons.nth(1)).toContainText("watch_minutes_30↓");
  await expect(reasons.nth(1)).toHaveAttribute("title", "watch_minutes_30: value 12.5 · −0.40 log-odds");
  // An id that is markup is shown as text, never parsed
  await expect(table.getByText(MARKUP_ID, { exact: true })).toBeVisible();
  await expect(table.locator('img[src="x"]')).toHaveCount(0);
  // 60 customers, 50 a page; ranks past the top K say they were not explained
  await expect(page.getByTestId("predictions-page-info")).toHaveText(`Page 1 of 2, ${seeded.rows} customers`);
  await page.getByRole("navigation", { name: "Customer pages" }).getByRole("link", { name: "Next" }).click();
  await expect(table.getByRole("row").filter({ hasText: "user-0060" })).toContainText("Not explained (outside the top K)");

  const chart = page.getByRole("img", { name: /^Line chart of the score proxy of E-learning/ });
  await expect(chart).toHaveAccessibleName(/2 scoring runs/);
  await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
  const runs = page.getByRole("region", { name: "Scoring runs, newest first" });
  await expect(runs.getByRole("row")).toHaveCount(3);
  await expect(runs.getByRole("link", { name: `Run ${seeded.scoringRunId.slice(0, 8)}`, exact: true })).toHaveAttribute("href", `/runs/${seeded.scoringRunId}`);
});

test("/predictions filters by risk band and id, and the table's CSV follows the filters", async ({ page, request }) => {
  await page.goto("/predictions");
  const form = page.getByRole("form", { name: "Filter customers" });
  await form.getByLabel("Risk band").selectOption("medium");
  await form.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/band=medium/);
  const table = page.getByRole("region", { name: "Customers at risk" });
  const bands = await table.locator('tbody [data-slot="badge"]').allTextContents();
  expect(bands.length).toBeGreaterThan(0);
  expect(new Set(bands)).toEqual(new Set(["medium"]));

  const csvLink = page.getByRole("link", { name: "Download these customers as CSV" });
  const href = (await csvLink.getAttribute("href"))!;
  expect(href).toContain(`run=${seeded.scoringRunId}`);
  expect(href).toContain("band=medium");
  const csv = await request.get(href);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const lines = (await csv.text()).trimEnd().split("\r\n");
  expect(lines.length - 1).toBe(bands.length);
  expect(lines.slice(1).every((l) => l.split(",")[4] === "medium")).toBe(true);

  await page.getByRole("link", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/predictions\?dataset=elearning$/);
  await expect(page.getByRole("form", { name: "Filter customers" }).getByLabel("Risk band")).toHaveValue(""); // the form follows the cleared filters
  await page.getByRole("form", { name: "Filter customers" }).getByLabel("Customer id").fill("user-004");
  await page.getByRole("form", { name: "Filter customers" }).getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("predictions-page-info")).toHaveText("Page 1 of 1, 10 customers"); // user-0040 … user-0049

  const full = await request.get(`/api/artifacts/${seeded.csvKey}`);
  expect(full.status()).toBe(200);
  expect((await full.text()).trimEnd().split("\r\n")).toHaveLength(seeded.rows + 1);
});

test("/monitoring shows the failing drift check, the drifted column and its histogram, and the report in a sandbox", async ({ page, request }) => {
  await page.goto("/monitoring");
  await expect(page.getByRole("heading", { level: 1, name: "Monitoring" })).toBeVisible();
  const verdict = page.getByRole("region", { name: "Latest drift check" });
  await expect(verdict.getByTestId("drift-verdict")).toHaveText("drift fail");
  await expect(verdict).toContainText("2 of 3");
  await expect(verdict).toContainText("3.1000");

  await expect(page.getByRole("img", { name: /^Line chart of the share of drifted columns of E-learning/ })).toHaveAccessibleName(/2 drift checks/);

  const columns = page.getByRole("region", { name: "Column drift statistics" });
  const watch = columns.getByRole("row").filter({ hasText: "watch_minutes_30" });
  await expect(watch).toContainText("drifted");
  await expect(watch).toContainText("Kolmogorov-Smirnov");
  await expect(watch).toContainText("<0.0001");
  await expect(watch).toContainText("fail");
  await expect(columns.getByRole("row").filter({ hasText: "plan" })).toContainText("no drift");
  // the most drifted column's histogram is drawn; another one on request
  await expect(page.getByRole("img", { name: /of watch_minutes_30, reference against current$/ }).locator("svg.recharts-surface").first()).toBeVisible();
  await columns.getByRole("link", { name: "Histogram of plan" }).click();
  await expect(page).toHaveURL(/column=plan/);
  const plan = page.getByRole("img", { name: /per category of plan, reference against current$/ });
  await expect(plan.locator(".recharts-bar-rectangle").first()).toBeVisible();
  const planCard = page.locator('[data-slot="chart-card"]').filter({ has: plan });
  await planCard.getByText("Show data").click();
  await expect(planCard.getByRole("row").filter({ hasText: "free" })).toContainText("65");

  const frame = page.locator('iframe[title^="Drift report of E-learning"]');
  await frame.scrollIntoViewIfNeeded(); // it loads lazily
  await expect(frame).toHaveAttribute("sandbox", "");
  await expect(frame).toHaveAttribute("src", `/api/report-view/${seeded.reportKey}`);
  const report = page.frameLocator('iframe[title^="Drift report of E-learning"]');
  await expect(report.getByRole("heading", { name: "Drift report: elearning" })).toBeVisible();
  // the report's script did not run: no attribute set, the app's title untouched
  await expect(report.locator("body")).not.toHaveAttribute("data-script-ran", "yes");
  expect(await page.title()).not.toContain("escaped");

  const view = await request.get(`/api/report-view/${seeded.reportKey}`);
  expect(view.headers()["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
  expect(view.headers()["x-frame-options"]).toBe("SAMEORIGIN");
  const download = await request.get((await page.getByRole("link", { name: "Download report" }).getAttribute("href"))!);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment/);
  expect(await download.text()).toContain("Dataset drift: FAIL");
});

/** The estimated-vs-realised chart and the segment table of the seeded e-learning runs (desktop and phone alike). */
async function expectPerformance(page: Page) {
  const chart = page.getByRole("img", { name: /^Line chart of the estimated ROC-AUC of E-learning with its 95% band, and the realised ROC-AUC as dots/ });
  await expect(chart).toHaveAccessibleName(/for 2 scoring runs \(1 with labels\)$/);
  await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();

  const segments = page.getByRole("region", { name: "Performance by segment", exact: true });
  await expect(segments.getByRole("alert")).toContainText("Overall PR-AUC is 0.281, below the threshold");
  const table = segments.getByRole("region", { name: "Realised performance by segment", exact: true });
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(5); // header, overall, country BR, plan free, plan paid
  await expect(rows.nth(1)).toContainText("Overall");
  await expect(rows.nth(1)).toContainText("0.742");
  await expect(rows.nth(1).getByRole("cell", { name: "below threshold" })).toBeVisible();
  const free = rows.filter({ hasText: "free" });
  await expect(free.getByRole("cell", { name: "below threshold" })).toBeVisible();
  const br = rows.filter({ has: page.getByRole("cell", { name: "BR", exact: true }) });
  await expect(br).toHaveCount(1);
  await expect(br.getByRole("cell", { name: "ok", exact: true })).toBeVisible();
  await expect(br.getByRole("cell", { name: "below threshold" })).toHaveCount(0);
  // 26 rows: counts only, and the cells say why
  const paid = rows.filter({ hasText: "paid" });
  await expect(paid.getByRole("cell", { name: "too few rows" })).toHaveCount(4);
  await expect(paid.getByRole("cell", { name: "26", exact: true })).toBeVisible();
}

test("/monitoring shows estimated vs realised performance and the segment table, filtered and downloaded", async ({ page, request }) => {
  await page.goto("/monitoring");
  await expectPerformance(page);

  // by its title: the chart's name changes with the metric toggle
  const card = page.locator('[data-slot="chart-card"]').filter({ has: page.getByRole("heading", { name: "Estimated vs realised performance" }) });
  await expect(card).toContainText("CBPE");
  await expect(card).toContainText("calibrated with Platt scaling");
  await expect(card).toContainText("30 days after the scored day");
  await card.getByText("Show data").click();
  const data = card.getByRole("region", { name: /^Data: Line chart of the estimated ROC-AUC/ }).getByRole("row");
  await expect(data).toHaveCount(3);
  await expect(data.nth(1)).toContainText("Platt scaling");
  await expect(data.nth(1)).toContainText("0.742"); // realised, the older run
  await expect(data.nth(2)).toContainText(seeded.estimate.rocAuc.toFixed(3)); // estimated, the latest run
  await expect(data.nth(2)).toContainText("no labels yet");

  // the toggle swaps the metric drawn (and the chart's name)
  const metric = card.getByRole("group", { name: "Metric" });
  await metric.getByRole("button", { name: "Precision@K" }).click();
  await expect(metric.getByRole("button", { name: "Precision@K" })).toHaveAttribute("aria-pressed", "true");
  await expect(card.getByRole("img", { name: new RegExp(`^Line chart of the estimated precision@${seeded.estimate.k} of E-learning`) })).toBeVisible();

  const segments = page.getByRole("region", { name: "Performance by segment", exact: true });
  await expect(segments).toContainText("labels from features.elearning_user_day (load e2e)");
  const form = segments.getByRole("form", { name: "Filter segments" });
  await form.getByLabel("Segment column").selectOption("plan");
  await form.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/segment=plan/);
  const table = page.getByRole("region", { name: "Realised performance by segment", exact: true });
  await expect(table.getByRole("row")).toHaveCount(4); // header, overall, free, paid
  await expect(table.getByRole("cell", { name: "BR", exact: true })).toHaveCount(0);

  const href = (await page.getByRole("link", { name: "Download these segments as CSV" }).getAttribute("href"))!;
  expect(href).toBe(`/api/segment-metrics.csv?run=${seeded.olderScoringRunId}&segment=plan`);
  const csv = await request.get(href);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const lines = (await csv.text()).trimEnd().split("\r\n");
  expect(lines.map((l) => l.split(",").slice(1, 3).join(","))).toEqual(["segment_column,segment_value", "(all),(all)", "plan,free", "plan,paid"]);
  expect(lines[3]!.endsWith(",false,too few rows")).toBe(true);

  await page.getByRole("form", { name: "Filter segments" }).getByRole("link", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/monitoring\?dataset=elearning#segment-performance$/);
  await expect(page.getByRole("region", { name: "Realised performance by segment", exact: true }).getByRole("row")).toHaveCount(5);
});

test("/monitoring's performance cards work on a 390px phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/monitoring");
  await expectPerformance(page);
  const { scrollWidth, innerWidth } = await pageWidth(page);
  expect(scrollWidth, `/monitoring is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
});

test("the Overview shows at-risk customers and the drift status", async ({ page }) => {
  await page.goto("/");
  const atRisk = page.getByRole("region", { name: "At-risk customers" });
  const elearning = atRisk.getByRole("listitem").filter({ hasText: "E-learning" });
  await expect(elearning).toContainText(`${seeded.highRisk}high risk`);
  await expect(elearning.getByRole("link", { name: "Who is at risk in E-learning, and why" })).toHaveAttribute("href", "/predictions?dataset=elearning");
  const drift = page.getByRole("region", { name: "Drift status" });
  await expect(drift.getByRole("listitem").filter({ hasText: "E-learning" }).locator('[data-slot="badge"]')).toHaveText("fail");
  await drift.getByRole("link", { name: "Drift details of E-learning" }).click();
  await expect(page).toHaveURL(/\/monitoring\?dataset=elearning$/);
});

for (const target of ["/predictions", "/monitoring?column=plan"]) {
  test(`${target} with data fits a 390px phone and has no serious axe violation`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(target);
    await page.waitForLoadState("load");
    const { scrollWidth, innerWidth } = await pageWidth(page);
    expect(scrollWidth, `${target} is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
    const violations = await seriousViolations(page);
    expect(violations, violations.join("\n")).toEqual([]);
  });
}
