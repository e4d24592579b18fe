import { describe, expect, it } from "vitest";
import { snapshotName } from "./snapshot-name.ts";

describe("snapshotName", () => {
  const run = "3F2A9C0D-11B4-4c1e-9d5a-0e6f7a8b9c0d";

  it("names the snapshot after the table and the first 12 hex digits of the run id", () => {
    expect(snapshotName("staging.elearning_users", run)).toBe("snapshots.elearning_users__3f2a9c0d11b4");
  });

  it("fits PostgreSQL's 63-byte identifier limit for long tabular table names", () => {
    const name = snapshotName(`staging.tabular_${"x".repeat(80)}_v12`, run);
    expect(name.slice("snapshots.".length).length).toBeLessThanOrEqual(63);
    expect(name.endsWith("__3f2a9c0d11b4")).toBe(true);
  });

  it("refuses a run id that is not a UUID", () => {
    expect(() => snapshotName("staging.t", "../x")).toThrow(RangeError);
  });
});
