import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_COOKIE, adminCookieValue } from "../../../lib/auth/admin-auth.ts";
import { resetEnvCache } from "../../../lib/env.ts";
import { POST } from "./route.ts";

const TOKEN = "correct-horse-battery-staple";
const form = (fields: Record<string, string>) =>
  new Request("http://127.0.0.1:3000/api/login", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) });

describe("POST /api/login (form)", () => {
  beforeEach(() => {
    process.env.CHURNOPS_ADMIN_TOKEN = TOKEN;
    resetEnvCache();
  });
  afterEach(() => {
    delete process.env.CHURNOPS_ADMIN_TOKEN;
    resetEnvCache();
  });

  it("signs in and returns to the page the guard sent the user from", async () => {
    const res = await POST(form({ token: TOKEN, next: "/data/rejects?source=elearning" }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/data/rejects?source=elearning");
    expect(res.headers.get("set-cookie")).toContain(`${ADMIN_COOKIE}=${adminCookieValue()}`);
  });

  it("goes to / when there is no `next`, and answers JSON callers with ok", async () => {
    expect((await POST(form({ token: TOKEN }))).headers.get("location")).toBe("/");
    const json = await POST(new Request("http://127.0.0.1:3000/api/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: TOKEN }) }));
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual({ ok: true });
  });

  it("never redirects off the site, and keeps `next` across a wrong token", async () => {
    expect((await POST(form({ token: TOKEN, next: "//evil.example/x" }))).headers.get("location")).toBe("/");
    const wrong = await POST(form({ token: "not-the-token-at-all", next: "/runs" }));
    expect(wrong.headers.get("location")).toBe("/login?error=wrong-token&next=%2Fruns");
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });
});
