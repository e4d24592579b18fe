import { expect, test, type Page } from "@playwright/test";

// The Overview as a user meets it: start a load from the home page and watch it finish there without a reload,
// see /runs update by itself, read the run page as facts with working links, and see a cancel as a neutral outcome.
// Shares the e2e database with the other specs; no other spec loads the wallet, so its freshness starts empty.
test.describe.configure({ mode: "serial" });

let walletRunId = "";

/** Marks this document: if the page reloaded while we wait, the marker would be gone. */
const markDocument = (page: Page) => page.evaluate(() => Object.assign(window, { __sameDocument: true }));
const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

test("starts a load from the Overview and follows it to success without a reload", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await expect(page.getByTestId("verdict")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Data freshness", level: 2 })).toBeVisible();
  // E-learning's state depends on which spec loaded it last; the wallet's is this test's own.
  await expect(page.getByTestId("freshness-elearning")).toBeVisible();

  const wallet = page.getByRole("region", { name: "Data: Marketplace wallet" });
  await expect(wallet.getByTestId("freshness-wallet")).toHaveText("no data");
  await markDocument(page);
  await wallet.getByRole("button", { name: "Load the sample" }).click();

  // The new run appears in the latest runs and turns succeeded on this same page.
  const latest = page.getByRole("table", { name: "Latest runs" });
  const walletRow = latest.getByRole("row").filter({ hasText: "wallet-sample" }).first();
  await expect(walletRow).toBeVisible();
  await expect(walletRow).toContainText("succeeded", { timeout: 150_000 });
  await expect(wallet.getByTestId("freshness-wallet")).toHaveText("fresh");
  expect(await sameDocument(page)).toBe(true);
  const href = await walletRow.getByRole("link", { name: /^Run / }).getAttribute("href");
  walletRunId = href!.split("/").pop()!;
  expect(walletRunId).toMatch(/^[0-9a-f-]{36}$/);
  // Labelled data is loaded now: the churn rate has a value.
  await expect(page.getByRole("region", { name: "Churn in the loaded data" })).toContainText("Marketplace wallet");
});

test("the runs list updates by itself while a run is in progress", async ({ page, request }) => {
  await page.goto("/runs");
  await expect(page.getByRole("heading", { name: "Runs", level: 1 })).toBeVisible();
  await markDocument(page);
  const started = await request.post("/api/pipelines/elearning-sample/runs", { data: { params: { users: 100, days: 31 } } });
  expect(started.status()).toBe(202);
  const { runId } = (await started.json()) as { runId: string };
  const row = page.getByRole("table", { name: "Pipeline runs" }).getByRole("row").filter({ has: page.getByRole("link", { name: `Run ${runId.slice(0, 8)}` }) });
  await expect(row).toBeVisible({ timeout: 30_000 }); // appears without a reload
  await expect(row).toContainText("succeeded", { timeout: 150_000 });
  expect(await sameDocument(page)).toBe(true);
});

test("the run page reads as facts with working links, the raw output folded away", async ({ page }) => {
  expect(walletRunId, "the first test creates the run").not.toBe("");
  await page.goto(`/runs/${walletRunId}`);
  await expect(page.getByTestId("run-status")).toHaveText("succeeded");
  await expect(page.getByRole("progressbar", { name: "Run progress" })).toHaveAttribute("aria-valuenow", "100");

  const steps = page.getByRole("list", { name: "Steps" });
  const load = steps.getByRole("listitem", { name: "Load and validate raw tables" });
  await expect(load).toContainText(/labelled buyers|evaluate rows/);
  await expect(load).toContainText(/loaded, [\d,]+ rejected/);
  // No raw JSON by default: the output is behind "Raw".
  await expect(page.locator("pre:visible")).toHaveCount(0);
  await load.getByText("Raw", { exact: true }).click();
  await expect(load.locator("pre")).toBeVisible();
  await expect(load.locator("pre")).toContainText('"files"');

  // The validation report link opens the report of this run's suite.
  const report = load.getByRole("link", { name: /^Validation report wallet\./ }).first();
  const reportHref = await report.getAttribute("href");
  expect(reportHref).toMatch(/^\/data\/quality\/[0-9a-f-]{36}$/);
  await report.click();
  await expect(page).toHaveURL(new RegExp(`${reportHref}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("wallet.");
  await page.goBack();

  // A table link leads to the Data page, and the generated files download.
  await expect(load.getByRole("link", { name: "raw.wallet_evaluate" })).toHaveAttribute("href", "/data");
  const files = steps.getByRole("listitem", { name: "Generate CSVs" }).getByRole("link", { name: "EVALUATE.csv" });
  const fileHref = await files.getAttribute("href");
  expect((await page.request.get(fileHref!)).status()).toBe(200);
});

test("a cancelled run shows a neutral outcome, a final progress bar and no stack trace", async ({ page, request }) => {
  const started = await request.post("/api/pipelines/elearning-sample/runs", { data: { params: { users: 90000, days: 31 } } });
  expect(started.status()).toBe(202);
  const { runId } = (await started.json()) as { runId: string };
  expect((await request.post(`/api/runs/${runId}/cancel`)).status()).toBeLessThan(300);
  await page.goto(`/runs/${runId}`);
  await expect(page.getByTestId("run-status")).toHaveText("cancelled", { timeout: 120_000 });
  const outcome = page.getByTestId("run-outcome");
  await expect(outcome).toHaveAttribute("role", "status"); // not an alert
  await expect(outcome).toContainText("Cancelled");
  await expect(page.getByText("Technical details")).toHaveCount(0);
  await expect(page.getByRole("progressbar", { name: "Run progress" })).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByRole("progressbar", { name: "Run progress" })).toHaveAttribute("aria-valuetext", /^Cancelled at \d+%$/);
});

test("the pipelines catalogue speaks plainly and checks parameters at the field", async ({ page }) => {
  await page.goto("/pipelines");
  const card = page.getByRole("region", { name: "E-learning sample data" });
  await expect(card).toContainText("practice dataset");
  await expect(card.getByText("`")).toHaveCount(0);
  await card.getByText("Parameters", { exact: true }).click();
  const users = card.getByLabel("Users", { exact: true });
  await expect(users).toHaveAttribute("min", "10");
  await expect(users).toHaveAttribute("max", "200000");
  await users.fill("5");
  await card.getByRole("button", { name: "Run E-learning sample data" }).click();
  await expect(users).toHaveAttribute("aria-invalid", "true");
  await expect(card.getByText("Enter a number from 10 to 200,000.")).toBeVisible();
  await expect(page).toHaveURL(/\/pipelines$/);
  // The ingest pipeline offers stored files instead of a key to type.
  const ingest = page.getByRole("region", { name: "Ingest e-learning files" });
  await expect(ingest.getByRole("combobox", { name: /users\.csv/ })).toBeVisible();
});
