import { describe, expect, it } from "vitest";
import { ariaSort, hiddenColumns, pageCount, visibleCount, withSearchParams } from "./data-table-helpers.ts";

describe("ariaSort", () => {
  it("maps TanStack directions to aria-sort values", () => {
    expect(ariaSort("asc")).toBe("ascending");
    expect(ariaSort("desc")).toBe("descending");
    expect(ariaSort(false)).toBe("none");
  });
});

describe("column visibility", () => {
  it("hides exactly the listed columns", () => {
    expect(hiddenColumns(["runId", "suite"])).toEqual({ runId: false, suite: false });
    expect(hiddenColumns([])).toEqual({});
  });
  it("counts a column without an entry, or with true, as visible", () => {
    expect(visibleCount(["a", "b", "c"], { a: false, b: true })).toBe(2);
    expect(visibleCount(["a"], { a: false })).toBe(0);
  });
});

describe("pageCount", () => {
  it("rounds up and never goes below one page", () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
    expect(pageCount(10, 0)).toBe(1);
  });
});

describe("withSearchParams", () => {
  it("sets, replaces and removes parameters, keeping the others and the hash", () => {
    expect(withSearchParams("/data/rejects?source=elearning&page=3#t", { page: 1, reason: "bad id" })).toBe(
      "/data/rejects?source=elearning&page=1&reason=bad+id#t",
    );
    expect(withSearchParams("/api/rejects.csv?source=x&table=y", { source: "", table: null })).toBe("/api/rejects.csv");
    expect(withSearchParams("/runs", { status: undefined })).toBe("/runs");
  });
});
