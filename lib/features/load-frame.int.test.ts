import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "../db/sql.ts";
import { FRAME_CHUNK_ROWS, loadFrame, type FrameSource } from "./load-frame.ts";

// loadFrame reads numeric features packed as doubles (float8send) and categories as text: every kind of value must
// arrive exactly as Postgres holds it, missing as NaN / null, across page boundaries, in key order.

const TABLE = "public.load_frame_probe";

const source = (filter?: FrameSource["filter"]): FrameSource => ({
  relation: TABLE,
  entityColumn: "id",
  asOfColumn: "as_of",
  labelColumn: "churn",
  orderKey: [{ column: "id", type: "bigint" }],
  features: [
    { name: "x", kind: "numeric" },
    { name: "plan", kind: "categorical" },
    { name: "paid", kind: "boolean" },
    { name: "n", kind: "numeric" },
    { name: "signup", kind: "date" },
  ],
  ...(filter ? { filter } : {}),
});

describe("loadFrame", () => {
  beforeAll(async () => {
    await query(`DROP TABLE IF EXISTS ${TABLE}`);
    await query(`CREATE TABLE ${TABLE} (id bigint PRIMARY KEY, as_of date, churn boolean, x float8, plan text, paid boolean, n integer, signup date)`);
    await query(
      `INSERT INTO ${TABLE} VALUES
         (1, '2025-01-02', true,  0.1,                      'free', true,  7,    '1969-12-31'),
         (2, '2025-01-02', false, NULL,                     NULL,   NULL,  NULL, NULL),
         (3, '2025-01-03', NULL,  '-0'::float8,                    'a''b', false, -3,   '2000-02-29'),
         (4, '2025-01-03', true,  'Infinity',               '',     true,  0,    '1970-01-01'),
         (5, '2025-01-04', false, 1.7976931348623157e308,   'pro',  false, 2147483647, '2024-06-30'),
         (6, '2025-01-04', false, 5e-324,                   'pro',  true,  1,    '2024-07-01')`,
    );
    // Enough rows after them for a second page.
    await query(`INSERT INTO ${TABLE} SELECT i, DATE '2025-02-01', i % 2 = 0, i / 3.0, 'bulk', i % 3 = 0, i, DATE '2025-01-01' + (i % 40) FROM generate_series(7, ${FRAME_CHUNK_ROWS + 6 + 17}) i`);
  });
  afterAll(async () => {
    await query(`DROP TABLE IF EXISTS ${TABLE}`);
  });

  it("gives every kind of value exactly, missing as NaN (numbers) or null (text), columns in the declared order", async () => {
    const { frame } = await loadFrame(source({ sql: "t.id <= $1", params: [6] }), { labels: false });
    expect(frame.rows).toBe(6);
    expect(frame.columns.map((c) => [c.name, c.kind])).toEqual([["x", "numeric"], ["plan", "categorical"], ["paid", "boolean"], ["n", "numeric"], ["signup", "date"]]);
    const [x, plan, paid, n, signup] = frame.columns;
    expect(Array.from(x!.values as Float64Array)).toEqual([0.1, Number.NaN, -0, Number.POSITIVE_INFINITY, 1.7976931348623157e308, 5e-324]);
    expect(Object.is((x!.values as Float64Array)[2], -0)).toBe(true);
    expect(plan!.values).toEqual(["free", null, "a'b", "", "pro", "pro"]);
    expect(Array.from(paid!.values as Float64Array)).toEqual([1, Number.NaN, 0, 1, 0, 1]);
    expect(Array.from(n!.values as Float64Array)).toEqual([7, Number.NaN, -3, 0, 2147483647, 1]);
    expect(Array.from(signup!.values as Float64Array)).toEqual([-1, Number.NaN, 11016, 0, 19904, 19905]);
    expect(frame.entityIds).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(Array.from(frame.asOf!)).toEqual([20090, 20090, 20091, 20091, 20092, 20092]);
  });

  it("reads page after page in key order, and training frames skip unlabelled rows", async () => {
    const { frame } = await loadFrame(source(), { labels: true });
    const total = FRAME_CHUNK_ROWS + 6 + 17;
    expect(frame.rows).toBe(total - 1); // row 3 has no label
    expect(frame.entityIds!.slice(0, 3)).toEqual(["1", "2", "4"]);
    expect(Array.from(frame.labels!.slice(0, 3))).toEqual([1, 0, 1]);
    const last = frame.rows - 1;
    expect(frame.entityIds![last]).toBe(String(total));
    expect((frame.columns[0]!.values as Float64Array)[last]).toBe(total / 3);
    expect((frame.columns[3]!.values as Float64Array)[last]).toBe(total);
    // Every row of the second page is where the key order puts it.
    for (let i = 5; i < frame.rows; i++) expect(Number(frame.entityIds![i])).toBe(i + 2);
  });
});
