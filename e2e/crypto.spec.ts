import { expect, test } from "@playwright/test";

// The crypto ETL from the dashboard: start a run with the page's own "Run now" (the UI path a user takes), follow it
// to success, then read /crypto: production counts per day and crypto type, the last runs with both suites'
// results, and links to the rejected rows of each suite.
test.describe.configure({ mode: "serial" });

let runId = "";

test("runs crypto-events from /crypto and follows it to success", async ({ page }) => {
  await page.goto("/crypto");
  await expect(page.getByRole("heading", { name: "Crypto purchase events", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Crypto" })).toHaveAttribute("href", "/crypto");

  await page.getByRole("button", { name: "Run now" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  runId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByTestId("run-status")).toHaveText("succeeded", { timeout: 150_000 });
  const steps = page.getByRole("list", { name: "Steps" });
  for (const title of ["Receive the daily batches", "Validate raw history (raw_history)", "Validate candidate (staging_candidate)", "Merge into production"]) {
    await expect(steps.getByRole("listitem", { name: title })).toContainText("succeeded");
  }
});

test("shows production rows per day and crypto type, the run's suites and links to the rejects of each suite", async ({ page }) => {
  expect(runId, "the first test creates the run").not.toBe("");
  await page.goto("/crypto");
  for (const name of ["Production rows", "Last runs", "Rejected rows"]) await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();

  const counts = page.getByRole("table", { name: "Production rows by day and crypto type" });
  for (const name of ["Purchase day", "Crypto type", "Active", "Inactive"]) await expect(counts.getByRole("columnheader", { name, exact: true })).toBeVisible();
  // Five purchase days, each with at least one crypto type; the first run deactivates nothing.
  const days = await counts.getByRole("rowheader").allInnerTexts();
  expect(new Set(days).size).toBe(5);
  expect(days.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
  await expect(page.getByText("Inactive rows", { exact: true }).locator("..")).toHaveText(/^Inactive rows\s*0$/);

  const runs = page.getByRole("table", { name: "Last runs" });
  const row = runs.getByRole("row").filter({ has: page.getByRole("link", { name: `Run ${runId.slice(0, 8)}` }) });
  await expect(row).toContainText("succeeded");
  await expect(row).toContainText(/new, 0 changed, 0 deactivated/);
  for (const suite of ["crypto.raw_history", "crypto.staging_candidate"]) {
    const report = row.getByRole("link", { name: `Validation report ${suite} of run ${runId.slice(0, 8)}: passed` });
    await expect(report).toHaveAttribute("href", /^\/data\/quality\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("link", { name: `All rejected rows of ${suite}` })).toHaveAttribute("href", `/data/rejects?suite=${suite}`);
  }
  // The default bad-row rate plants rows both suites reject: each suite's cell links to its rejects of this run.
  const rejected = row.getByRole("link", { name: /^\d+ rejected$/ });
  await expect(rejected).toHaveCount(2);
  await expect(rejected.first()).toHaveAttribute("href", `/data/rejects?suite=crypto.raw_history&runId=${runId}`);

  const reasons = page.getByRole("table", { name: "Rejected rows of the latest run" });
  const duplicate = reasons.getByRole("link", { name: "DUPLICATE_KEY" });
  await expect(duplicate).toHaveAttribute("href", `/data/rejects?suite=crypto.staging_candidate&reasonCode=DUPLICATE_KEY&runId=${runId}`);
  await expect(reasons.getByRole("link", { name: "PURCHASE_DATE_UNPARSEABLE" })).toBeVisible();

  // The suite link opens the rejects page filtered by that suite.
  await page.getByRole("link", { name: "All rejected rows of crypto.raw_history" }).click();
  await expect(page).toHaveURL(/\/data\/rejects\?suite=crypto\.raw_history$/);
  await expect(page.getByRole("heading", { name: "Rejected rows", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Suite")).toHaveValue("crypto.raw_history");
});
