import { describe, expect, it } from "vitest";
import { float64Columns, MAPPED_BLOCK_BYTES } from "./float64-columns.ts";

describe("float64Columns", () => {
  it("gives zeroed, separate columns of the asked length", () => {
    const columns = float64Columns(5, 1000);
    expect(columns).toHaveLength(5);
    for (const c of columns) {
      expect(c.length).toBe(1000);
      expect(c.every((v) => v === 0)).toBe(true);
    }
    columns[0]!.fill(1);
    expect(columns[1]!.every((v) => v === 0)).toBe(true);
  });

  it("groups large columns into blocks of at least MAPPED_BLOCK_BYTES (each its own mapping, freed to the OS), small ones into one", () => {
    const rows = 1_700_000; // 13.6 MB a column: three to a block
    const columns = float64Columns(7, rows);
    const buffers = [...new Set(columns.map((c) => c.buffer))];
    expect(buffers.map((b) => b.byteLength)).toEqual([3 * 8 * rows, 3 * 8 * rows, 8 * rows]);
    expect(buffers[0]!.byteLength).toBeGreaterThanOrEqual(MAPPED_BLOCK_BYTES);
    expect(new Set(float64Columns(40, 100).map((c) => c.buffer)).size).toBe(1);
    expect(float64Columns(3, 0).map((c) => c.length)).toEqual([0, 0, 0]);
  });
});
