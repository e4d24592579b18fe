import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";

// The request guard (proxy.ts) on real servers, beside the main e2e server (no token, loopback):
// - one started by `churnops serve` with CHURNOPS_ADMIN_TOKEN: every read of customer data needs the token;
// - one started with plain `next start` and no token: it does not know it is on loopback, so it serves no data.
test.describe.configure({ mode: "serial" });

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TOKEN = "e2e-admin-token-0123456789";
const basePort = Number(process.env.E2E_PORT ?? 3210);
const servers: { child: ChildProcess; home: string }[] = [];

async function startServer(args: string[], env: Record<string, string>, port: number, readyPath: string): Promise<string> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "churnops-guard-e2e-"));
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHURNOPS_HOME: home, CHURNOPS_SCHEDULER: "0", DATABASE_URL: "", INNGEST_DEV: "", INNGEST_BASE_URL: "", INNGEST_EVENT_KEY: "", INNGEST_SIGNING_KEY: "", CHURNOPS_ADMIN_TOKEN: "", CHURNOPS_BOUND_HOST: "", ...env },
  });
  let log = "";
  child.stdout!.on("data", (b: Buffer) => (log += b));
  child.stderr!.on("data", (b: Buffer) => (log += b));
  servers.push({ child, home });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
    const ok = await fetch(base + readyPath, { redirect: "manual" }).then((r) => r.status === 200, () => false);
    if (ok) return base;
    await sleep(200);
  }
  throw new Error(`server on ${port} did not start:\n${log}`);
}

test.afterAll(async () => {
  for (const { child, home } of servers) {
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
    fs.rmSync(home, { recursive: true, force: true });
  }
});

test.describe("with CHURNOPS_ADMIN_TOKEN", () => {
  let base = "";
  test.beforeAll(async () => {
    base = await startServer(["bin/churnops.mjs", "serve", "--port", String(basePort + 1)], { CHURNOPS_ADMIN_TOKEN: TOKEN, CHURNOPS_CWD_KEEP: "1" }, basePort + 1, "/api/health");
  });

  test("refuses unauthenticated reads of customer data, keeps /api/health and /login public", async ({ request }) => {
    for (const p of ["/api/rejects.csv", "/api/runs/3f1c2b9e-8d4a-4c1e-9a7b-0e5d6c4b3a21", "/api/artifacts/datasets/elearning/sample/users.csv", "/api/runs", "/api/datasets", "/api/dq-runs"]) {
      const res = await request.get(base + p, { maxRedirects: 0 });
      expect(res.status(), p).toBe(401);
      expect(await res.json()).toMatchObject({ error: "UNAUTHORIZED" });
    }
    const page = await request.get(`${base}/data/rejects?source=elearning`, { maxRedirects: 0 });
    expect(page.status()).toBe(307);
    expect(page.headers().location).toBe("/login?next=%2Fdata%2Frejects%3Fsource%3Delearning");
    expect((await request.get(`${base}/api/health`)).status()).toBe(200);
    expect((await request.get(`${base}/login`)).status()).toBe(200);
  });

  test("serves the same reads with the bearer token", async ({ request }) => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    expect((await request.get(`${base}/api/runs`, { headers: auth })).status()).toBe(200);
    const csv = await request.get(`${base}/api/rejects.csv`, { headers: auth });
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect((await request.get(`${base}/data/rejects`, { headers: auth, maxRedirects: 0 })).status()).toBe(200);
  });

  test("a page stored by the page cache for the admin is never served to a request without the token", async ({ request }) => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    // Stored once a request comes within CHURNOPS_PAGE_CACHE_MS of the last render (a few tries on a busy machine).
    let served = "";
    for (let i = 0; i < 5 && served !== "hit"; i++) {
      const res = await request.get(`${base}/runs`, { headers: auth, maxRedirects: 0 });
      expect(res.status()).toBe(200);
      served = res.headers()["x-churnops-page-cache"];
    }
    expect(served).toBe("hit");
    const strangers: Record<string, string>[] = [{}, { authorization: "Bearer wrong-token-0123456789" }, { cookie: "churnops_admin=forged" }];
    for (const headers of strangers) {
      const res = await request.get(`${base}/runs`, { headers, maxRedirects: 0 });
      expect(res.status(), JSON.stringify(headers)).toBe(307);
      expect(res.headers().location).toBe("/login?next=%2Fruns");
    }
  });

  test("answers 400 for a malformed percent-encoding, and 404 at /api/inngest without Inngest", async ({ request }) => {
    for (const p of ["/api/artifacts/%c0%ae%c0%ae/etc/passwd", "/api/artifacts/%zz", "/api/runs/%c0"]) {
      const res = await request.get(base + p, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status(), p).toBe(400);
      expect(await res.json()).toMatchObject({ error: "INVALID_INPUT" });
    }
    const attack = await request.post(`${base}/api/inngest?fnId=churnops-pipeline-elearning-sample&stepId=step`, {
      data: { event: { name: "inngest/scheduled.timer", data: { cron: "0 2 * * *" } }, events: [], steps: {}, ctx: {} },
    });
    expect(attack.status()).toBe(404);
  });

  test("sends a browser to /login and back to the page it asked for", async ({ page }) => {
    await page.goto(`${base}/data/rejects`);
    await expect(page).toHaveURL(/\/login\?next=%2Fdata%2Frejects$/);
    await page.getByLabel("Admin token").fill(TOKEN);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${base}/data/rejects`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});

test.describe("without a token, started outside `churnops serve`", () => {
  test("serves no customer data (403) but keeps the public paths", async ({ request }) => {
    const port = basePort + 2;
    const base = await startServer(["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)], {}, port, "/login");
    for (const p of ["/api/runs", "/api/rejects.csv", "/data/rejects", "/"]) {
      const res = await request.get(base + p, { maxRedirects: 0 });
      expect(res.status(), p).toBe(403);
    }
    expect(await (await request.get(`${base}/api/runs`)).json()).toMatchObject({ error: "FORBIDDEN", message: expect.stringMatching(/CHURNOPS_ADMIN_TOKEN/) });
    expect((await request.get(`${base}/login`)).status()).toBe(200);
  });
});
