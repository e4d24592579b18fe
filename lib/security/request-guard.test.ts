import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ADMIN_COOKIE, adminCookieValue } from "../auth/admin-auth.ts";
import { resetEnvCache } from "../env.ts";
import { guardRequest, isPublicPath } from "./request-guard.ts";

const TOKEN = "correct-horse-battery-staple";
const ORIGIN = "http://127.0.0.1:3000";
const VARS = ["CHURNOPS_ADMIN_TOKEN", "CHURNOPS_BOUND_HOST"] as const;

function configure(vars: Partial<Record<(typeof VARS)[number], string>>): void {
  for (const name of VARS) delete process.env[name];
  Object.assign(process.env, vars);
  resetEnvCache();
}
const get = (pathAndQuery: string, headers: Record<string, string> = {}) => guardRequest(new Request(ORIGIN + pathAndQuery, { headers }));

// Customer data, one of each kind: CSV downloads, artifacts, run details, datasets, validations, pages.
const PROTECTED_APIS = ["/api/rejects.csv", "/api/rejects", "/api/runs", "/api/runs.csv", "/api/runs/3f1c2b9e-8d4a-4c1e-9a7b-0e5d6c4b3a21", "/api/artifacts/datasets/elearning/x/users.csv", "/api/datasets", "/api/datasets/versions/x", "/api/dq-runs", "/api/dq-runs/x", "/api/ingested-files.csv", "/api/pipelines/elearning-sample/runs", "/api/predict", "/api/models", "/metrics", "/api/predictions.csv", "/api/segment-metrics.csv", "/api/report-view/reports/drift/elearning/x.html"];
const PROTECTED_PAGES = ["/", "/runs", "/runs/3f1c2b9e-8d4a-4c1e-9a7b-0e5d6c4b3a21", "/data", "/data/rejects", "/data/quality", "/data/upload", "/predictions", "/monitoring", "/predict", "/crypto"];
const PUBLIC = ["/login", "/api/login", "/api/health", "/api/inngest", "/api/openapi.json", "/favicon.ico", "/icon.svg", "/robots.txt", "/_next/static/chunks/0a1b2c.js", "/_next/static/css/app.css"];

describe("guardRequest with CHURNOPS_ADMIN_TOKEN set", () => {
  afterEach(() => configure({}));

  it("refuses every read of customer data without the token: APIs with 401 JSON", async () => {
    configure({ CHURNOPS_ADMIN_TOKEN: TOKEN, CHURNOPS_BOUND_HOST: "0.0.0.0" });
    for (const p of PROTECTED_APIS) {
      const res = get(p);
      expect(res?.status, p).toBe(401);
      expect(await res!.json()).toEqual({ error: "UNAUTHORIZED", message: expect.stringMatching(/needs the admin token/) });
    }
  });

  it("redirects pages to /login?next=<the page, with its query>", () => {
    configure({ CHURNOPS_ADMIN_TOKEN: TOKEN, CHURNOPS_BOUND_HOST: "0.0.0.0" });
    for (const p of PROTECTED_PAGES) {
      const res = get(p);
      expect(res?.status, p).toBe(307);
      expect(new URL(res!.headers.get("location")!).searchParams.get("next")).toBe(p);
    }
    const withQuery = new URL(get("/data/rejects?source=elearning&page=2")!.headers.get("location")!);
    expect(withQuery.pathname).toBe("/login");
    expect(withQuery.searchParams.get("next")).toBe("/data/rejects?source=elearning&page=2");
    // A prefetch by the client router carries _rsc; the page to return to does not.
    expect(new URL(get("/data?_rsc=abc123")!.headers.get("location")!).searchParams.get("next")).toBe("/data");
  });

  it("lets the admin cookie or the bearer token through, and nothing else", () => {
    configure({ CHURNOPS_ADMIN_TOKEN: TOKEN, CHURNOPS_BOUND_HOST: "0.0.0.0" });
    for (const p of [...PROTECTED_APIS, ...PROTECTED_PAGES]) {
      expect(get(p, { authorization: `Bearer ${TOKEN}` }), p).toBeNull();
      expect(get(p, { cookie: `${ADMIN_COOKIE}=${adminCookieValue()}` }), p).toBeNull();
      expect(get(p, { authorization: "Bearer not-the-token-at-all" })?.status, p).toBeOneOf([401, 307]);
      expect(get(p, { cookie: `${ADMIN_COOKIE}=${TOKEN}` })?.status, p).toBeOneOf([401, 307]); // the cookie holds a hash
      expect(get(p, { cookie: `${ADMIN_COOKIE}=%zz` })?.status, p).toBeOneOf([401, 307]); // malformed, not a crash
    }
  });

  it("keeps /login, /api/login, /api/health, /api/inngest, /api/openapi.json and static assets public", () => {
    configure({ CHURNOPS_ADMIN_TOKEN: TOKEN, CHURNOPS_BOUND_HOST: "0.0.0.0" });
    for (const p of PUBLIC) expect(get(p), p).toBeNull();
  });

  it("treats near-misses of public paths as protected", () => {
    configure({ CHURNOPS_ADMIN_TOKEN: TOKEN, CHURNOPS_BOUND_HOST: "0.0.0.0" });
    for (const p of ["/api/health/x", "/api/healthz", "/Login", "/login/x", "/api/inngest/x", "/_next/static/%2e%2e/api/rejects.csv", "/_next/staticx", "/robots.txt/x"]) {
      expect(isPublicPath(new URL(ORIGIN + p).pathname), p).toBe(false);
      expect(get(p)?.status, p).toBeOneOf([401, 307]);
    }
  });
});

describe("guardRequest without CHURNOPS_ADMIN_TOKEN", () => {
  afterEach(() => configure({}));

  it("serves everything on a loopback bind", () => {
    for (const host of ["127.0.0.1", "localhost", "::1"]) {
      configure({ CHURNOPS_BOUND_HOST: host });
      for (const p of [...PROTECTED_APIS, ...PROTECTED_PAGES, ...PUBLIC]) expect(get(p), p).toBeNull();
    }
  });

  it("refuses every non-public request with 403 on any other bind, or when the bind is unknown", async () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.10", undefined]) {
      configure(host ? { CHURNOPS_BOUND_HOST: host } : {});
      for (const p of [...PROTECTED_APIS, ...PROTECTED_PAGES]) expect(get(p)?.status, `${host} ${p}`).toBe(403);
      expect(await get("/api/runs")!.json()).toEqual({ error: "FORBIDDEN", message: expect.stringMatching(/has no CHURNOPS_ADMIN_TOKEN, so it serves no customer data/) });
      for (const p of PUBLIC) expect(get(p), p).toBeNull();
    }
  });
});

describe("guardRequest and malformed percent-encoding", () => {
  afterEach(() => configure({}));

  it("answers 400 (not Next's 500) for any route, before auth", async () => {
    for (const vars of [{ CHURNOPS_BOUND_HOST: "127.0.0.1" }, { CHURNOPS_ADMIN_TOKEN: TOKEN, CHURNOPS_BOUND_HOST: "0.0.0.0" }]) {
      configure(vars);
      for (const p of ["/api/artifacts/%c0%ae%c0%ae/etc/passwd", "/api/artifacts/%zz", "/api/artifacts/a%", "/api/runs/%c0", "/api/artifacts/%ed%a0%80"]) {
        const res = get(p);
        expect(res?.status, p).toBe(400);
        expect(await res!.json()).toEqual({ error: "INVALID_INPUT", message: expect.stringMatching(/malformed percent-encoding/) });
      }
      expect(get("/data/%c0%ae")?.status).toBe(400);
    }
  });
});

describe("isPublicPath", () => {
  it("lists every file in public/ (a new public file must be added to the guard)", () => {
    const files = fs.readdirSync(path.resolve("public"), { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    for (const f of files) expect(isPublicPath(`/${path.relative(path.resolve("public"), path.join(f.parentPath, f.name))}`), f.name).toBe(true);
  });
});
