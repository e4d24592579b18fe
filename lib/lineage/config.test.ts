import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "../env.ts";
import { snapshotRetention } from "./config.ts";

describe("snapshotRetention", () => {
  const before = process.env.CHURNOPS_SNAPSHOT_RETENTION;
  afterEach(() => {
    if (before === undefined) delete process.env.CHURNOPS_SNAPSHOT_RETENTION;
    else process.env.CHURNOPS_SNAPSHOT_RETENTION = before;
    resetEnvCache();
  });
  const withValue = (v: string | undefined) => {
    if (v === undefined) delete process.env.CHURNOPS_SNAPSHOT_RETENTION;
    else process.env.CHURNOPS_SNAPSHOT_RETENTION = v;
    resetEnvCache();
    return snapshotRetention();
  };

  it("keeps 5 snapshots per table unless CHURNOPS_SNAPSHOT_RETENTION says otherwise", () => {
    expect(withValue(undefined)).toBe(5);
    expect(withValue("")).toBe(5);
    expect(withValue("30")).toBe(30);
  });

  it("refuses a count that would drop every snapshot, or is not a whole number, naming the variable", () => {
    expect(() => withValue("0")).toThrow(/CHURNOPS_SNAPSHOT_RETENTION keeps at least 1 snapshot/);
    expect(() => withValue("2.5")).toThrow(/CHURNOPS_SNAPSHOT_RETENTION must be a whole number/);
    expect(() => withValue("many")).toThrow(/CHURNOPS_SNAPSHOT_RETENTION/);
  });
});
