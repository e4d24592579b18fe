import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "../env.ts";
import { ADMIN_COOKIE, adminCookieValue, isRequestAuthorized, isValidAdminToken, requireAdmin } from "./admin-auth.ts";

const TOKEN = "correct-horse-battery-staple";
const withToken = (token: string | undefined) => {
  if (token) process.env.CHURNOPS_ADMIN_TOKEN = token;
  else delete process.env.CHURNOPS_ADMIN_TOKEN;
  resetEnvCache();
};
const req = (headers: Record<string, string> = {}) => new Request("http://127.0.0.1/api/x", { method: "POST", headers });

describe("admin auth", () => {
  afterEach(() => withToken(undefined));

  it("lets every request through when no token is configured (loopback-only mode)", () => {
    withToken(undefined);
    expect(isRequestAuthorized(req())).toBe(true);
  });

  it("requires the token as a bearer header or the login cookie when one is configured", () => {
    withToken(TOKEN);
    expect(isRequestAuthorized(req())).toBe(false);
    expect(isRequestAuthorized(req({ authorization: `Bearer ${TOKEN}` }))).toBe(true);
    expect(isRequestAuthorized(req({ authorization: "Bearer wrong-token-value" }))).toBe(false);
    expect(isRequestAuthorized(req({ cookie: `other=1; ${ADMIN_COOKIE}=${adminCookieValue()}` }))).toBe(true);
    expect(isRequestAuthorized(req({ cookie: `${ADMIN_COOKIE}=${TOKEN}` }))).toBe(false); // the cookie holds a hash, not the token
    expect(() => requireAdmin(req())).toThrow(/needs the admin token/);
  });

  it("never stores the token itself in the cookie", () => {
    withToken(TOKEN);
    expect(adminCookieValue()).not.toContain(TOKEN);
    expect(adminCookieValue()).toMatch(/^[0-9a-f]{64}$/);
    expect(isValidAdminToken(TOKEN)).toBe(true);
    expect(isValidAdminToken(`${TOKEN} `)).toBe(false);
  });
});
