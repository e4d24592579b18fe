import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// Every page, on a desktop and on a phone: the page is never wider than the window (wide content scrolls inside its
// own box), and axe finds no serious or critical accessibility violation. Plus the app shell's keyboard and phone
// paths: the skip link, and the nav menu on a phone.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const VIEWPORTS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

// Data that makes pages as wide as they get: a failed validation (rejected rows with long values, a report page,
// a failed run) and an uploaded dataset with many columns and long names (the /data overflow of issue 8).
const LONG = "a-very-long-course-identifier-without-any-spaces-that-could-break-a-layout-0123456789";
const USERS = ["user_id,signup_date,plan,is_paid,country,marketing_source,engagement_score", ...[1, 2, 3, 4, 5].map((i) => `${i},2024-12-01,free,0,US,organic,0.5`)];
const EVENTS = [
  "event_id,user_id,event_time,event_type,course_id,watch_minutes,quiz_score,amount",
  ...Array.from({ length: 12 }, (_, k) => `${k + 1},${(k % 5) + 1},2025-01-0${(k % 9) + 1}T10:00:00,login,,0.0,,`),
  `13,1,2025-01-03T10:00:00,teleport,${LONG},0.0,,`,
];
const WIDE_COLUMNS = Array.from({ length: 24 }, (_, i) => `customer_lifetime_metric_number_${i}`);
const WIDE = [
  ["customerID", ...WIDE_COLUMNS, "Churn"].join(","),
  ...Array.from({ length: 30 }, (_, r) => [`C${r}`, ...WIDE_COLUMNS.map((_, i) => String((r * 7 + i) % 13)), r % 3 === 0 ? "Yes" : "No"].join(",")),
];

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const out = spawnSync(process.execPath, ["bin/churnops.mjs", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 150_000,
    env: { ...process.env, CHURNOPS_HOME: process.env.CHURNOPS_E2E_HOME, DATABASE_URL: "", CHURNOPS_CWD_KEEP: "1", INNGEST_DEV: "", INNGEST_BASE_URL: "", INNGEST_EVENT_KEY: "", NEXT_TELEMETRY_DISABLED: "1" },
  });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

// Ids of the seeded run and validation, kept in the e2e home so a restarted worker reuses them (no second seed).
const SEED_FILE = path.join(process.env.CHURNOPS_E2E_HOME ?? os.tmpdir(), "layout-seed.json");
let runId = "";
let dqRunId = "";

test.beforeAll(async ({ request }) => {
  if (fs.existsSync(SEED_FILE)) {
    ({ runId, dqRunId } = JSON.parse(fs.readFileSync(SEED_FILE, "utf8")) as { runId: string; dqRunId: string });
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnops-layout-e2e-"));
  try {
    fs.writeFileSync(path.join(dir, "users.csv"), `${USERS.join("\n")}\n`);
    fs.writeFileSync(path.join(dir, "events.csv"), `${EVENTS.join("\n")}\n`);
    fs.writeFileSync(path.join(dir, "wide.csv"), `${WIDE.join("\n")}\n`);
    const ingest = cli(["ingest", "elearning", "--users", path.join(dir, "users.csv"), "--events", path.join(dir, "events.csv"), "--json"]);
    expect(ingest.status, `${ingest.stdout}\n${ingest.stderr}`).toBe(2); // the data gate failed: rejects + a failed run
    runId = (JSON.parse(ingest.stdout.slice(ingest.stdout.indexOf("{"))) as { id: string }).id;
    const upload = cli(["ingest", "table", "--file", path.join(dir, "wide.csv"), "--target", "Churn", "--id", "customerID", "--name", "Wide layout dataset with a long name", "--json"]);
    expect(upload.status, `${upload.stdout}\n${upload.stderr}`).toBe(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const dq = (await (await request.get("/api/dq-runs?pageSize=100")).json()) as { runs: { id: string; runId: string | null }[] };
  dqRunId = (dq.runs.find((r) => r.runId === runId) ?? dq.runs[0]).id;
  fs.writeFileSync(SEED_FILE, JSON.stringify({ runId, dqRunId }));
});

/** Every page of the app; ids resolve after the seed. */
const PAGES: readonly { name: string; path: () => string }[] = [
  { name: "/", path: () => "/" },
  { name: "/pipelines", path: () => "/pipelines" },
  { name: "/runs", path: () => "/runs" },
  { name: "a run page", path: () => `/runs/${runId}` },
  { name: "/data", path: () => "/data" },
  { name: "/data/quality", path: () => "/data/quality" },
  { name: "a validation report", path: () => `/data/quality/${dqRunId}` },
  { name: "/data/rejects", path: () => "/data/rejects" },
  { name: "/data/upload", path: () => "/data/upload" },
  { name: "/models", path: () => "/models" },
  { name: "/predictions", path: () => "/predictions" },
  { name: "/monitoring", path: () => "/monitoring" },
  { name: "/login", path: () => "/login" },
];

const DARK_PAGES = new Set(["/", "a run page", "a validation report", "/data/rejects", "/models"]);

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`).slice(0, 5).join("\n  ")}`);
}

// One test per page and screen (axe takes 10-30 s a page on a busy 2-core machine): a failure names its page.
for (const viewport of VIEWPORTS) {
  for (const scheme of viewport.name === "desktop" ? (["light", "dark"] as const) : (["light"] as const)) {
    // Dark mode swaps the same tokens on every page: contrast is checked on the pages with the most kinds of parts.
    for (const target of scheme === "dark" ? PAGES.filter((p) => DARK_PAGES.has(p.name)) : PAGES) {
      test(`${target.name} fits a ${viewport.width}px ${viewport.name} (${scheme}) and has no serious axe violation`, async ({ page }) => {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        await page.emulateMedia({ colorScheme: scheme });
        const url = target.path();
        const response = await page.goto(url);
        // A page another branch adds (/pipelines before the overview work is merged) may not exist yet here.
        test.skip(response?.status() === 404, `${url} answered 404 (not built in this branch)`);
        expect(response?.status(), url).toBeLessThan(400);
        // Not "networkidle": live pages poll. Server-rendered HTML has its final layout once loaded.
        await page.waitForLoadState("load");
        await expect(page.locator("main#main")).toBeVisible();
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
        expect(scrollWidth, `${url} is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
        const violations = await seriousViolations(page);
        expect(violations, violations.join("\n")).toEqual([]);
      });
    }
  }
}

test("the skip link is the first tab stop and moves focus to the main content", async ({ page }) => {
  await page.goto("/data");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});

test("the nav marks the current page", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/data/quality/${dqRunId}`);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Quality" })).toHaveAttribute("aria-current", "page");
  await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
});

test("on a phone the nav is a menu that opens and navigates", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/data");
  // The desktop links are hidden; the menu button is the way in.
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await page.getByRole("button", { name: "Open menu" }).click();
  const menu = page.getByRole("dialog", { name: "Menu" });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("link", { name: "Data", exact: true })).toHaveAttribute("aria-current", "page");
  await menu.getByRole("link", { name: "Rejects" }).click();
  await expect(page).toHaveURL(/\/data\/rejects$/);
  await expect(menu).toBeHidden();
  await page.getByRole("button", { name: "Open menu" }).click();
  await expect(page.getByRole("dialog", { name: "Menu" }).getByRole("link", { name: "Rejects" })).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Menu" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Open menu" })).toBeFocused();
});
