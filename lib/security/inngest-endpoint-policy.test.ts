import { describe, expect, it } from "vitest";
import { InngestEndpointConfigError, inngestEndpointPolicy, isInngestDevMode, type InngestEnv } from "./inngest-endpoint-policy.ts";

const KEY = "ab".repeat(32);
const policy = (env: InngestEnv, boundHost?: string) => inngestEndpointPolicy({ env, boundHost });

describe("inngestEndpointPolicy", () => {
  it("disables the endpoint when no Inngest variable is set, whatever the bind", () => {
    for (const host of ["127.0.0.1", "0.0.0.0", undefined]) {
      expect(policy({}, host)).toEqual({ enabled: false, reason: expect.stringMatching(/not configured/) });
    }
  });

  it("allows dev mode only with an explicit INNGEST_DEV on a loopback bind", () => {
    for (const dev of ["1", "true", "yes", "on", "http://127.0.0.1:8288"]) {
      for (const host of ["127.0.0.1", "localhost", "::1"]) expect(policy({ INNGEST_DEV: dev }, host)).toEqual({ enabled: true, mode: "dev" });
    }
    for (const host of ["0.0.0.0", "::", "192.168.1.10", "example.org", undefined]) {
      expect(() => policy({ INNGEST_DEV: "1" }, host)).toThrow(InngestEndpointConfigError);
      expect(() => policy({ INNGEST_DEV: "1", INNGEST_SIGNING_KEY: KEY }, host)).toThrow(/INNGEST_DEV turns off Inngest's request signatures/);
    }
  });

  it("never falls back to dev mode when the signing key is missing: cloud mode without a key is a config error", () => {
    for (const env of [{ INNGEST_BASE_URL: "http://inngest:8288" }, { INNGEST_EVENT_KEY: "evt" }, { INNGEST_DEV: "0" }, { INNGEST_DEV: "0", INNGEST_BASE_URL: "http://inngest:8288" }]) {
      for (const host of ["127.0.0.1", "0.0.0.0"]) expect(() => policy(env, host)).toThrow(/without INNGEST_SIGNING_KEY/);
    }
  });

  it("serves in cloud mode (signatures verified) with a signing key, on any bind", () => {
    for (const host of ["127.0.0.1", "0.0.0.0", undefined]) {
      expect(policy({ INNGEST_SIGNING_KEY: KEY }, host)).toEqual({ enabled: true, mode: "cloud" });
      expect(policy({ INNGEST_BASE_URL: "http://inngest:8288", INNGEST_EVENT_KEY: "e", INNGEST_SIGNING_KEY: KEY, INNGEST_DEV: "0" }, host)).toEqual({ enabled: true, mode: "cloud" });
    }
  });

  it("rejects an INNGEST_DEV value it does not understand instead of guessing", () => {
    expect(() => policy({ INNGEST_DEV: "maybe" }, "127.0.0.1")).toThrow(/INNGEST_DEV="maybe" is not understood/);
  });
});

describe("isInngestDevMode", () => {
  it("is dev only for an explicit on value or a dev-server URL (the Inngest client uses the same rule)", () => {
    expect(isInngestDevMode({})).toBe(false);
    expect(isInngestDevMode({ INNGEST_DEV: "0" })).toBe(false);
    expect(isInngestDevMode({ INNGEST_DEV: "false" })).toBe(false);
    expect(isInngestDevMode({ INNGEST_DEV: "1" })).toBe(true);
    expect(isInngestDevMode({ INNGEST_DEV: "http://localhost:8288" })).toBe(true);
  });
});
