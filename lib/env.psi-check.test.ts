import { afterEach, describe, expect, it } from "vitest";
import { getEnv, resetEnvCache } from "./env.ts";

afterEach(() => {
  delete process.env.BASELINE_SHARE;
  delete process.env.PSI_THRESHOLD;
  resetEnvCache();
});

function envWith(vars: Record<string, string>) {
  for (const [k, v] of Object.entries(vars)) process.env[k] = v;
  resetEnvCache();
  return getEnv();
}

describe("getEnv: BASELINE_SHARE and PSI_THRESHOLD", () => {
  it("default to 0.2 and 0.2", () => {
    const env = envWith({});
    expect([env.BASELINE_SHARE, env.PSI_THRESHOLD]).toEqual([0.2, 0.2]);
  });

  it("read the variables (an empty value is unset)", () => {
    const env = envWith({ BASELINE_SHARE: "1", PSI_THRESHOLD: "0.25" });
    expect([env.BASELINE_SHARE, env.PSI_THRESHOLD]).toEqual([1, 0.25]);
    expect(envWith({ BASELINE_SHARE: "", PSI_THRESHOLD: "" }).BASELINE_SHARE).toBe(0.2);
  });

  it("refuse a share outside (0, 1] and a threshold that is not positive, naming the variable", () => {
    for (const bad of ["0", "-0.1", "1.01", "abc"]) expect(() => envWith({ BASELINE_SHARE: bad })).toThrow(/BASELINE_SHARE/);
    delete process.env.BASELINE_SHARE;
    for (const bad of ["0", "-1", "abc"]) expect(() => envWith({ PSI_THRESHOLD: bad })).toThrow(/PSI_THRESHOLD/);
  });
});
