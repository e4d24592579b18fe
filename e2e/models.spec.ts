import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// The model pages on a registered model with two versions (seeded through lib/registry by
// e2e/support/seed-registered-model.ts, the one place to swap for a real training run): the list, the version
// page's charts and threshold slider, promote + rollback with their audit entries, the compare, and the phone.
test.describe.configure({ mode: "serial" });

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MODEL = "e2e-churn";

interface Seeded {
  model: string;
  versions: { version: number; runId: string; primaryMetricValue: number | null; promoted: boolean }[];
}
let seeded: Seeded;

function seedRegisteredModel(name: string): Seeded {
  const out = spawnSync(process.execPath, ["--import", "./bin/register-hooks.mjs", "e2e/support/seed-registered-model.ts", name], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 150_000,
    env: { ...process.env, CHURNOPS_HOME: process.env.CHURNOPS_E2E_HOME, DATABASE_URL: "", INNGEST_DEV: "", INNGEST_BASE_URL: "", INNGEST_EVENT_KEY: "", NEXT_TELEMETRY_DISABLED: "1" },
  });
  expect(out.status, `stdout: ${out.stdout}\nstderr: ${out.stderr}`).toBe(0);
  return JSON.parse(out.stdout.trim().split("\n").at(-1)!) as Seeded;
}

test.beforeAll(() => {
  seeded = seedRegisteredModel(MODEL);
  expect(seeded.versions.map((v) => [v.version, v.promoted])).toEqual([[1, true], [2, false]]);
});

async function seriousViolations(page: Page): Promise<string[]> {
  // A chart's SVG sits inside its role="img" frame (hidden from assistive technology, named by the frame); its
  // thousands of dots and ticks only make axe slow.
  const result = await new AxeBuilder({ page }).exclude(".recharts-wrapper").analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n  ")}`);
}

test("/models lists the model with its champion, primary metric and versions", async ({ page }) => {
  await page.goto("/models");
  await expect(page.getByRole("heading", { level: 1, name: "Models" })).toBeVisible();
  const table = page.getByRole("region", { name: "Registered models" });
  const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: MODEL }) });
  await expect(row).toContainText("elearning");
  await expect(row).toContainText("v1");
  await expect(row).toContainText("challenger v2");
  await expect(row).toContainText(`PR-AUC ${seeded.versions[0].primaryMetricValue!.toFixed(4)}`);
  await expect(row.getByRole("cell").last()).toHaveText("2");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Models" })).toHaveAttribute("aria-current", "page");
});

test("the version page shows its charts by name, and the confusion matrix follows the threshold slider", async ({ page }) => {
  await page.goto(`/models/${MODEL}/1`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${MODEL} v1`);
  for (const name of [/^ROC curve of v1/, /^Precision-recall curve of v1/, /^Calibration of v1/, /^Cumulative gains of v1/, /^Feature importance of v1/, /^SHAP summary plot/, /^Search trials/]) {
    const chart = page.getByRole("img", { name });
    await expect(chart, String(name)).toBeVisible();
    await expect(chart.locator("svg.recharts-surface").first(), `${name} draws an SVG`).toBeVisible();
  }
  // Search trials: three l1_ratio series on a log axis; SHAP summary: dots
  await expect(page.getByRole("img", { name: /^Search trials/ })).toHaveAccessibleName(/3 series by l1_ratio/);
  expect(await page.getByRole("img", { name: /^SHAP summary plot/ }).locator("circle").count()).toBeGreaterThan(100);

  // the data-table fallback of a chart
  const roc = page.locator('[data-slot="chart-card"]').filter({ has: page.getByRole("img", { name: /^ROC curve/ }) });
  await roc.getByText("Show data").click();
  await expect(roc.getByRole("region", { name: /^Data: ROC curve/ }).getByRole("columnheader", { name: "True positive rate" })).toBeVisible();

  const cell = (id: string) => page.getByTestId(id);
  const counts = async () => Object.fromEntries(await Promise.all(["tp", "fp", "tn", "fn"].map(async (k) => [k, Number((await cell(`cm-${k}`).textContent())!.replaceAll(",", ""))]))) as Record<string, number>;
  const before = await counts();
  const slider = page.getByRole("slider", { name: /Decision threshold/ });
  await slider.fill("0.9");
  await expect(page.getByText("Decision threshold: 0.90")).toBeVisible();
  await expect.poll(async () => (await counts()).tp).toBeLessThan(before.tp);
  const after = await counts();
  // the classes do not change with the threshold: tp + fn (churners) and fp + tn (stayers) stay the same
  expect(after.tp + after.fn).toBe(before.tp + before.fn);
  expect(after.fp + after.tn).toBe(before.fp + before.tn);
  expect(after.fp).toBeLessThanOrEqual(before.fp);
});

test("the versions table says why v2 was not promoted; promote and rollback work and land in the audit log", async ({ page }) => {
  await page.goto(`/models/${MODEL}`);
  const versions = page.getByRole("region", { name: "Versions" });
  const v2 = versions.getByRole("row").filter({ has: page.getByRole("link", { name: "v2", exact: true }) });
  await expect(v2).toContainText("not promoted");
  await expect(v2).toContainText(/pr_auc 0\.\d{4} vs v1 0\.\d{4} · Δ −0\.\d{4}/);
  await expect(v2).toContainText("less than the minimum improvement");
  await expect(versions.getByRole("row").filter({ has: page.getByRole("link", { name: "v1", exact: true }) })).toContainText("First version of this model");
  await expect(page.getByRole("button", { name: /^Roll back/ })).toHaveCount(0); // nothing to roll back to yet

  await versions.getByRole("button", { name: "Promote v2 to champion" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("v2 becomes the champion");
  await dialog.getByLabel("Reason").fill("e2e: the newer data matters more");
  await dialog.getByRole("button", { name: "Promote", exact: true }).click();
  await expect(page.getByText(`${MODEL}: v2 is now the champion`)).toBeVisible();
  await expect(dialog).toBeHidden();
  const audit = page.getByRole("region", { name: "Audit log" });
  // two entries carry the reason: the champion move and the challenger alias it cleared (v2 was the challenger)
  const promoted = audit.getByRole("row").filter({ hasText: "champion: v1 → v2" });
  await expect(promoted).toContainText("e2e: the newer data matters more");
  await expect(audit.getByRole("row").filter({ hasText: "challenger: v2 → none" })).toContainText("v2 became the champion");
  await expect(promoted).toContainText("promoted by hand");
  await expect(promoted).toContainText("ui:local");
  await expect(versions.getByRole("row").filter({ has: page.getByRole("link", { name: "v2", exact: true }) })).toContainText("champion");

  await page.getByRole("button", { name: `Roll back ${MODEL} to the previous champion` }).click();
  await page.getByRole("dialog").getByLabel("Reason").fill("e2e: v2 misses churners");
  await page.getByRole("dialog").getByRole("button", { name: "Roll back", exact: true }).click();
  await expect(page.getByText(`${MODEL}: v1 is now the champion`)).toBeVisible();
  const rolledBack = audit.getByRole("row").filter({ hasText: "champion: v2 → v1" });
  await expect(rolledBack).toContainText("e2e: v2 misses churners");
  await expect(rolledBack).toContainText("rolled back");
  await expect(rolledBack).toContainText(/Δ \+0\.\d{4}/); // v1 is better than v2 on its test set
  await expect(versions.getByRole("row").filter({ has: page.getByRole("link", { name: "v1", exact: true }) })).toContainText("champion");
});

test("compare shows both versions: metrics with deltas, curves overlaid, parameters and the data lineage", async ({ page }) => {
  await page.goto(`/models/${MODEL}`);
  const form = page.getByRole("form", { name: "Choose versions to compare" });
  await form.getByLabel("First version").selectOption("1");
  await form.getByLabel("Second version").selectOption("2");
  await form.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/[?&]a=1&b=2/);
  await expect(page.getByRole("heading", { name: "Metrics: v1 vs v2" })).toBeVisible();
  const metrics = page.getByRole("region", { name: "Metrics of v1 and v2" });
  await expect(metrics.getByRole("row").filter({ hasText: "PR-AUC" })).toContainText(/−0\.\d{4}/);
  await expect(page.getByRole("img", { name: /^ROC curve of v1 and v2/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Precision-recall curve of v1 and v2/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Feature importance of v1 and v2/ })).toBeVisible();
  const params = page.getByRole("region", { name: "Parameters of v1 and v2" });
  await expect(params.getByRole("row").filter({ hasText: "l1_ratio" })).toContainText("(changed)");
  const lineage = page.getByRole("region", { name: "Training lineage of v1 and v2" });
  await expect(lineage.getByRole("row").filter({ hasText: "staging.elearning_events" })).toContainText("480,000 rows");
  await expect(lineage.getByRole("row").filter({ hasText: "staging.elearning_events" })).toContainText("512,000 rows");
});

for (const url of ["/models", `/models/${MODEL}`, `/models/${MODEL}?a=1&b=2`, `/models/${MODEL}/1`, `/models/${MODEL}/2`]) {
  test(`${url} fits a 390px phone and has no serious axe violation`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await page.waitForLoadState("networkidle");
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth, `${url} is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
    const problems = await seriousViolations(page);
    expect(problems, problems.join("\n")).toEqual([]);
  });
}

test("an unknown model or version is a 404", async ({ page }) => {
  expect((await page.goto("/models/no-such-model"))?.status()).toBe(404);
  expect((await page.goto(`/models/${MODEL}/99`))?.status()).toBe(404);
});
