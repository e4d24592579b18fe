import { expect, test } from "@playwright/test";

// One story on a fresh database (no sample data): run the sample pipeline from the UI, watch it finish live,
// see its data, find it in the runs list, and check the artifact route refuses what it must refuse.
// The tests share the run they create, so they run in order.
test.describe.configure({ mode: "serial" });

const PIPELINE_TITLE = "E-learning sample data";
let runId = "";

test("runs the sample pipeline from the Pipelines page and follows it live to success", async ({ page }) => {
  await page.goto("/pipelines");
  await expect(page.getByRole("heading", { name: "Pipelines", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Runs" })).toBeVisible();

  const card = page.getByRole("region", { name: PIPELINE_TITLE });
  await expect(card).toBeVisible();
  await expect(card.getByText(/every day at 02:00 UTC/)).toBeVisible();
  await expect(card.getByRole("button", { name: `Run ${PIPELINE_TITLE}` })).toBeVisible();

  await card.getByText("Parameters", { exact: true }).click();
  await card.getByLabel("Users", { exact: true }).fill("300");
  await card.getByLabel("Days", { exact: true }).fill("60");
  await card.getByRole("button", { name: `Run ${PIPELINE_TITLE}` }).click();

  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  runId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Run ${runId.slice(0, 8)}`);

  // Marks this document: if the page reloaded while we wait, the marker would be gone.
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  await expect(page.getByTestId("run-status")).toHaveText("succeeded", { timeout: 120_000 });
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  await expect(page.getByRole("progressbar", { name: "Run progress" })).toHaveAttribute("aria-valuenow", "100");
  const steps = page.getByRole("list", { name: "Steps" });
  await expect(steps).toBeVisible();
  for (const title of ["Generate CSVs", "Load and validate raw tables"]) {
    await expect(steps.getByRole("listitem", { name: title })).toContainText("succeeded");
  }
  // The load step reads as a sentence: what was loaded and what was rejected.
  await expect(steps.getByRole("listitem", { name: "Load and validate raw tables" })).toContainText(/^.*300 users and [\d,]+ events loaded, \d+ rejected/);
  // Whatever steps the pipeline has by now, every one of them succeeded.
  const stepItems = steps.locator(":scope > li");
  expect(await stepItems.count()).toBeGreaterThanOrEqual(2);
  await expect(stepItems.filter({ hasNotText: "succeeded" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);
  await expect(page.getByRole("img", { name: /how long each step took/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Parameters" })).toContainText(/Users\s*users\s*300/);

  // Lineage is rendered by the server; the page re-renders it as steps finish, without a reload.
  await expect(page.getByRole("heading", { name: "Lineage", level: 2 })).toBeVisible();
  const lineage = page.getByRole("table", { name: "What this run read and wrote" });
  const usersKey = `datasets/elearning/${runId}/users.csv`;
  await expect(lineage.getByRole("link", { name: usersKey }).first()).toHaveAttribute("href", `/api/artifacts/${usersKey}`);
  const stagedUsers = lineage.getByRole("row").filter({ has: page.getByRole("link", { name: "staging.elearning_users" }) });
  await expect(stagedUsers).toContainText("300");
  await expect(stagedUsers.getByRole("link", { name: "staging.elearning_users" })).toHaveAttribute("href", "/data");
});

test("shows the loaded raw tables and the ingested files on the Data page", async ({ page, request }) => {
  expect(runId, "the first test creates the run").not.toBe("");
  await page.goto("/data");
  await expect(page.getByRole("heading", { name: "Data", level: 1 })).toBeVisible();

  const raw = page.getByRole("table", { name: "Raw tables" });
  await expect(raw.getByRole("row", { name: /raw\.elearning_users/ }).getByRole("cell")).toHaveText("300");
  // Emptied after the load (its snapshot keeps the rows): the count is the load's, and the row says where the rows are.
  await expect(raw.getByRole("row", { name: /raw\.elearning_users/ }).getByRole("link", { name: "load run's snapshot" })).toHaveAttribute("href", `/runs/${runId}`);
  const eventsCount = await raw.getByRole("row", { name: /raw\.elearning_events/ }).getByRole("cell").innerText();
  expect(Number(eventsCount.replaceAll(",", ""))).toBeGreaterThan(0);

  const files = page.getByRole("table", { name: "Ingested files" });
  for (const name of ["users.csv", "events.csv"]) {
    const row = files.getByRole("row").filter({ has: page.getByRole("cell", { name, exact: true }) }).first();
    await expect(row).toBeVisible();
    await expect(row).toContainText("loaded");
    await expect(row.getByRole("link", { name: runId.slice(0, 8) })).toBeVisible();
  }

  // The Download link serves the recorded file as an attachment.
  const usersRow = files.getByRole("row").filter({ has: page.getByRole("cell", { name: "users.csv", exact: true }) }).first();
  const href = await usersRow.getByRole("link", { name: /^Download/ }).getAttribute("href");
  expect(href).toMatch(/^\/api\/artifacts\/datasets\/elearning\/.+\/users\.csv$/);
  const download = await request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toBe('attachment; filename="users.csv"');
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await download.text()).split("\n")[0]).toContain("user_id");

  // The table of files can be filtered by source and downloaded as CSV with the same filter.
  const filter = page.getByRole("form", { name: "Filter ingested files" });
  await filter.getByLabel("Source").selectOption("elearning");
  await filter.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/source=elearning/);
  const csvHref = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  expect(csvHref).toBe("/api/ingested-files.csv?source=elearning&");
  const csv = (await (await request.get(csvHref!)).text()).trim().split(/\r?\n/); // RFC 4180: CRLF
  expect(csv[0]).toBe("id,created_at,source,name,table_name,rows,bytes,sha256,duration_ms,artifact_key,run_id,status,error");
  const usersLines = csv.slice(1).filter((l) => l.includes(",users.csv,raw.elearning_users,300,"));
  expect(usersLines).toHaveLength(1);
  expect(usersLines[0]).toMatch(/,loaded,$/); // a load that landed: status loaded, no error
});

test("lists the run on the Runs page and filters by status", async ({ page }) => {
  expect(runId, "the first test creates the run").not.toBe("");
  const runLink = () => page.getByRole("table", { name: "Pipeline runs" }).getByRole("link", { name: `Run ${runId.slice(0, 8)}` });

  await page.goto("/runs");
  await expect(page.getByRole("heading", { name: "Runs", level: 1 })).toBeVisible();
  await expect(runLink()).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(runId.slice(0, 8)) })).toContainText("succeeded");

  await page.getByLabel("Status").selectOption("failed");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]status=failed/);
  await expect(runLink()).toHaveCount(0);
  await expect(page.getByText("No runs match these filters.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveAttribute("href", /status=failed/);

  await page.getByLabel("Status").selectOption("succeeded");
  await page.getByLabel("Pipeline", { exact: true }).selectOption("elearning-sample");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(runLink()).toBeVisible();

  await runLink().click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));
  await expect(page.getByTestId("run-status")).toHaveText("succeeded");
});

test("the runs CSV download lists the run", async ({ request }) => {
  const res = await request.get("/api/runs.csv?status=succeeded");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  const lines = (await res.text()).trim().split("\r\n");
  expect(lines[0]).toBe("id,pipeline_id,status,trigger,executor,created_at,started_at,finished_at,duration_ms,progress,failure_kind,error_message");
  expect(lines.some((l) => l.startsWith(`${runId},elearning-sample,succeeded,manual,`))).toBe(true);
});

test("the API rejects bad input with messages that name the problem", async ({ request }) => {
  const badParams = await request.post("/api/pipelines/elearning-sample/runs", { data: { params: { users: "many" } } });
  expect(badParams.status()).toBe(400);
  expect((await badParams.json()).message).toContain("users");

  const unknown = await request.post("/api/pipelines/no-such-pipeline/runs", { data: {} });
  expect(unknown.status()).toBe(404);

  expect((await request.get("/api/runs/not-a-uuid")).status()).toBe(400);
  const missing = await request.get("/api/runs/00000000-0000-4000-8000-000000000000");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error).toBe("RUN_NOT_FOUND");
  expect((await request.get("/api/runs?status=bogus")).status()).toBe(400);
});

test("the artifact route never serves paths the database does not record", async ({ request }) => {
  const traversal = await request.get("/api/artifacts/..%2f..%2fetc%2fpasswd");
  expect(traversal.status()).toBe(400);
  const doubleEncoded = await request.get("/api/artifacts/..%252f..%252fetc%252fpasswd");
  expect(doubleEncoded.status()).toBe(400);
  const unrecorded = await request.get("/api/artifacts/not/recorded.csv");
  expect(unrecorded.status()).toBe(404);
  for (const res of [traversal, doubleEncoded, unrecorded]) expect(await res.text()).not.toContain("root:");
});

test("unknown runs show the not-found page", async ({ page }) => {
  const res = await page.goto("/runs/00000000-0000-4000-8000-000000000000");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
