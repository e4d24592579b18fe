import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// Real Chromium from Debian (never `playwright install`: it downloads browsers, which fails offline).
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const port = Number(process.env.E2E_PORT ?? 3210);
// One fresh embedded database per test run, shared by the config's main process and its workers via env.
process.env.CHURNOPS_E2E_HOME ??= path.join(os.tmpdir(), `churnops-e2e-${Date.now()}`);

export default defineConfig({
  testDir: "e2e",
  timeout: 180_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "reports/e2e.json" }]] : "list",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    command: `node bin/churnops.mjs serve --port ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      CHURNOPS_HOME: process.env.CHURNOPS_E2E_HOME,
      CHURNOPS_SCHEDULER: "0",
      // Loads announce data.changed; the specs check pages, not trainings started in the background by it.
      CHURNOPS_TRAIN_ON_DATA_CHANGE: "0",
      DATABASE_URL: "", // the embedded default, whatever the shell has
      INNGEST_DEV: "",
      INNGEST_BASE_URL: "",
      INNGEST_EVENT_KEY: "",
      CHURNOPS_ADMIN_TOKEN: "",
    },
  },
});
