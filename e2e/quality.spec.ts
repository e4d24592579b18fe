import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";

// Bad input through the CLI, into the e2e server's database (runs after dashboard.spec.ts), then the data-quality
// pages: the failed validation, its expectations and samples, the rejected rows, their CSV and the failed run.
test.describe.configure({ mode: "serial" });

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FORMULA = '=HYPERLINK("http://evil","x")';
const MARKUP = "<img src=x onerror=window.__xss=1>";

const USERS = ["user_id,signup_date,plan,is_paid,country,marketing_source,engagement_score", ...[1, 2, 3, 4, 5].map((i) => `${i},2024-12-01,${i % 2 ? "free" : "paid"},${i % 2 ? 0 : 1},US,organic,0.5`)];

const csvField = (s: string) => `"${s.replaceAll('"', '""')}"`;
const EVENTS = [
  "event_id,user_id,event_time,event_type,course_id,watch_minutes,quiz_score,amount",
  ...Array.from({ length: 20 }, (_, k) => `${k + 1},${(k % 5) + 1},2025-01-${String((k % 9) + 1).padStart(2, "0")}T10:00:00,login,,0.0,,`),
  `21,1,2025-01-03T10:00:00,teleport,${MARKUP},0.0,,`, // line 22: EVENT_TYPE_UNKNOWN (and markup that must stay text)
  "5,2,2025-01-03T11:00:00,login,,0.0,,", // line 23: EVENT_ID_DUPLICATE
  "23,3,2025-01-03T12:00:00,payment_success,,0.0,,-19.0", // line 24: PAYMENT_AMOUNT_INVALID
  `24,4,2025-01-03T13:00:00,video_watched,${csvField(FORMULA)},12.5,,`, // line 25: EVENT_TYPE_UNKNOWN, formula course id
];

let runId = "";
let dir = "";

test.beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnops-quality-e2e-"));
  const users = path.join(dir, "users.csv");
  const events = path.join(dir, "events.csv");
  fs.writeFileSync(users, `${USERS.join("\n")}\n`);
  fs.writeFileSync(events, `${EVENTS.join("\n")}\n`);
  const cli = spawnSync(process.execPath, ["bin/churnops.mjs", "ingest", "elearning", "--users", users, "--events", events, "--json"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 150_000,
    env: {
      ...process.env,
      CHURNOPS_HOME: process.env.CHURNOPS_E2E_HOME,
      DATABASE_URL: "", // the e2e server's embedded database (the CLI connects to its live owner)
      CHURNOPS_CWD_KEEP: "1",
      INNGEST_DEV: "",
      INNGEST_BASE_URL: "",
      INNGEST_EVENT_KEY: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  expect(cli.status, `stdout: ${cli.stdout}\nstderr: ${cli.stderr}`).toBe(2); // 2 = the data gate failed
  const run = JSON.parse(cli.stdout.slice(cli.stdout.indexOf("{"))) as { id: string; status: string; failureKind: string; errorMessage: string };
  expect(run).toMatchObject({ status: "failed", failureKind: "data_gate" });
  expect(run.errorMessage).toMatch(/^Data gate failed: /);
  runId = run.id;
});

test.afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("lists the failed events validation of the run on the Data quality page", async ({ page }) => {
  await page.goto("/data/quality");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Quality" })).toHaveAttribute("href", "/data/quality");
  await expect(nav.getByRole("link", { name: "Rejects" })).toHaveAttribute("href", "/data/rejects");
  await expect(page.getByRole("heading", { name: "Data quality", level: 1 })).toBeVisible();
  // A chart is one image with an accessible name (its data is in a table behind "Show data").
  await expect(page.getByRole("img", { name: "Unexpected percent trend" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Unexpected percent trend" }).locator("svg.recharts-surface").first()).toBeVisible();

  const table = page.getByRole("table", { name: "Validation runs" });
  const ofRun = table.getByRole("row").filter({ has: page.getByRole("link", { name: `Run ${runId.slice(0, 8)}` }) });
  await expect(ofRun).toHaveCount(2);
  await expect(ofRun.filter({ hasText: "elearning.users" })).toContainText("passed");
  const events = ofRun.filter({ hasText: "elearning.events" });
  await expect(events).toContainText("failed");
  await expect(events).toContainText("raw.elearning_events");
  await expect(events.locator('[data-slot="badge"]')).toHaveAttribute("data-variant", "destructive");

  // The suite filter keeps only that suite.
  await page.getByLabel("Suite").selectOption("elearning.users");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]suite=elearning\.users/);
  await expect(table.getByRole("row").filter({ hasText: "elearning.events" })).toHaveCount(0);
  await expect(table.getByRole("row").filter({ hasText: "elearning.users" }).first()).toBeVisible();
});

test("the validation page lists each expectation, with the failing ones' sample rows as text", async ({ page }) => {
  await page.goto("/data/quality?suite=elearning.events");
  const row = page.getByRole("table", { name: "Validation runs" }).getByRole("row").filter({ has: page.getByRole("link", { name: `Run ${runId.slice(0, 8)}` }) });
  // The suite name, in the first column, opens the report.
  await row.getByRole("link", { name: "elearning.events", exact: true }).click();
  await expect(page).toHaveURL(/\/data\/quality\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Validation elearning.events", level: 1 })).toBeVisible();
  await expect(page.getByTestId("dq-status")).toHaveText("failed");
  await expect(page.getByRole("link", { name: `Run ${runId.slice(0, 8)}` })).toHaveAttribute("href", `/runs/${runId}`);

  const expectations = page.getByRole("table", { name: "Expectations", exact: true });
  const eventType = expectations.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "in_set:event_type" }) });
  await expect(eventType).toContainText("EVENT_TYPE_UNKNOWN");
  const cells = eventType.getByRole("cell");
  await expect(cells.nth(4)).toHaveText("Failed"); // success
  await expect(cells.nth(7)).toHaveText("2"); // unexpected count
  await expect(cells.nth(8)).toHaveText("8.3%"); // 2 of 24 typed events
  await expect(eventType.getByRole("link", { name: "EVENT_TYPE_UNKNOWN" })).toHaveAttribute("href", "/data/rejects?suite=elearning.events&reasonCode=EVENT_TYPE_UNKNOWN");
  // A passing one says so in words, and a row count is a count, not a share.
  await expect(expectations.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "row_count_between" }) }).getByRole("cell").nth(4)).toHaveText("Passed");
  await expect(expectations.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "row_count_between" }) }).getByRole("cell").nth(5)).toHaveText("24");

  const details = page.locator("details").filter({ has: page.locator("caption", { hasText: "in_set:event_type" }) });
  await details.getByText("Sample failing rows", { exact: true }).click();
  const sample = page.getByRole("table", { name: "Sample failing rows of in_set:event_type (EVENT_TYPE_UNKNOWN)" });
  await expect(sample).toBeVisible();
  await expect(sample.getByRole("columnheader", { name: "event_type" })).toBeVisible();
  await expect(sample.getByRole("cell", { name: "teleport", exact: true })).toBeVisible();
  await expect(sample.getByRole("cell", { name: MARKUP, exact: true })).toBeVisible();
  await expect(sample.getByRole("cell", { name: FORMULA, exact: true })).toBeVisible();
  await expect(sample.locator("img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  // Unknown and malformed ids are a 404 page.
  expect((await page.goto("/data/quality/00000000-0000-4000-8000-000000000000"))?.status()).toBe(404);
  expect((await page.goto("/data/quality/not-a-uuid"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("filters rejected rows by reason code and downloads exactly those as an escaped CSV", async ({ page, request }) => {
  await page.goto("/data/rejects");
  await expect(page.getByRole("heading", { name: "Rejected rows", level: 1 })).toBeVisible();
  await page.getByLabel("Reason code", { exact: true }).fill("EVENT_TYPE_UNKNOWN");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]reasonCode=EVENT_TYPE_UNKNOWN/);

  const table = page.getByRole("table", { name: "Rejected rows" });
  const dataRows = table.getByRole("row").filter({ has: page.getByRole("cell") });
  await expect(dataRows.filter({ has: page.getByRole("link", { name: `Run ${runId.slice(0, 8)}` }) })).toHaveCount(2);
  await expect(dataRows.filter({ hasNotText: "EVENT_TYPE_UNKNOWN" })).toHaveCount(0);
  await expect(table.getByText("EVENT_ID_DUPLICATE")).toHaveCount(0);
  const ours = dataRows.filter({ has: page.getByRole("link", { name: `Run ${runId.slice(0, 8)}` }) });
  await expect(ours.filter({ hasText: "teleport" })).toContainText("events.csv");
  await expect(ours.filter({ hasText: "teleport" }).getByRole("cell").nth(3)).toHaveText("22");
  await expect(ours.filter({ hasText: "video_watched" }).locator("code.json")).toContainText('"course_id":"=HYPERLINK(\\"http://evil\\",\\"x\\")"');
  await expect(table.locator("img")).toHaveCount(0);

  const chart = page.getByRole("img", { name: "Rejected rows by reason code" });
  await expect(chart).toBeVisible();
  await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();

  const info = await page.getByTestId("rejects-page-info").innerText();
  const total = Number(/, ([\d,]+) rows?$/.exec(info)?.[1]?.replaceAll(",", ""));
  expect(info).toMatch(/^Page 1 of 1, /);
  expect(total).toBeGreaterThanOrEqual(2);

  const href = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  expect(href).toMatch(/^\/api\/rejects\.csv\?/);
  expect(href).toContain("reasonCode=EVENT_TYPE_UNKNOWN");
  const res = await request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  expect(res.headers()["content-disposition"]).toBe('attachment; filename="rejects.csv"');
  const text = await res.text();
  expect(text.split("\r\n")[0]).toBe("id,created_at,source,suite,expectation_id,reason_code,source_file,source_line,run_id,row_json");
  const records = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  expect(records).toHaveLength(total);
  expect(records.every((r) => r.reason_code === "EVENT_TYPE_UNKNOWN")).toBe(true);
  const mine = records.filter((r) => r.run_id === runId);
  expect(mine.map((r) => r.source_line).sort()).toEqual(["22", "25"]);
  // The formula travels inside the row's JSON; no cell of the file starts like a formula.
  const formulaRow = mine.find((r) => r.source_line === "25")!;
  expect(JSON.parse(formulaRow.row_json)).toMatchObject({ event_type: "video_watched", course_id: FORMULA });
  const cells = (parse(text, { skip_empty_lines: true }) as string[][]).flat();
  expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
});

test("invalid filters are explained, not a crash", async ({ page, request }) => {
  await page.goto("/data/rejects?from=yesterday&reasonCode=EVENT_TYPE_UNKNOWN");
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("from: use YYYY-MM-DD");
  await expect(page.getByRole("table", { name: "Rejected rows" })).toBeVisible();
  await expect(page.getByLabel("Reason code", { exact: true })).toHaveValue("EVENT_TYPE_UNKNOWN");

  const bad = await request.get("/api/rejects?from=yesterday");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).fields).toMatchObject({ from: "use YYYY-MM-DD" });
  expect((await request.get("/api/rejects.csv?runId=not-a-uuid")).status()).toBe(400);

  const json = await request.get(`/api/rejects?runId=${runId}&reasonCode=PAYMENT_AMOUNT_INVALID`);
  expect(json.status()).toBe(200);
  const body = (await json.json()) as { total: number; rows: { sourceLine: number }[]; countsByReason: { reasonCode: string; count: number }[] };
  expect(body.total).toBe(1);
  expect(body.rows[0].sourceLine).toBe(24);
  expect(body.countsByReason).toEqual([{ reasonCode: "PAYMENT_AMOUNT_INVALID", count: 1 }]);

  const runs = await request.get("/api/dq-runs?suite=elearning.events");
  expect(runs.status()).toBe(200);
  const { runs: list } = (await runs.json()) as { runs: { id: string; runId: string; status: string }[] };
  const failed = list.find((r) => r.runId === runId)!;
  expect(failed.status).toBe("failed");
  const one = await request.get(`/api/dq-runs/${failed.id}`);
  expect(one.status()).toBe(200);
  expect(((await one.json()) as { result: { results: unknown[] } }).result.results.length).toBeGreaterThan(0);
  expect((await request.get("/api/dq-runs/not-a-uuid")).status()).toBe(400);
  expect((await request.get("/api/dq-runs/00000000-0000-4000-8000-000000000000")).status()).toBe(404);
});

test("the failed run's page says the data gate stopped it", async ({ page }) => {
  await page.goto(`/runs/${runId}`);
  await expect(page.getByTestId("run-status")).toHaveText("failed");
  await expect(page.getByText(/Data gate failed/).first()).toBeVisible();
});
