import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "../../../lib/db/sql.ts";
import { GET } from "./route.ts";

const RUN = "00000000-0000-4000-8000-000000000501";
const get = (qs: string) => GET(new Request(`http://127.0.0.1:3000/api/segment-metrics.csv?${qs}`));

describe("GET /api/segment-metrics.csv", () => {
  beforeAll(async () => {
    await query(`TRUNCATE monitoring.segment_metrics`);
    const rows: [string, string, number, number, number | null, boolean][] = [
      ["(all)", "(all)", 300, 45, 0.35, false],
      ["state", "=cmd()", 200, 30, 0.2, true],
      ["state", "SP", 10, 2, null, false],
      ["gender", "F", 150, 20, 0.4, false],
    ];
    for (const [column, value, n, positives, pr, flagged] of rows) {
      await query(
        `INSERT INTO monitoring.segment_metrics (run_id, dataset, segment_column, segment_value, rows, positives, roc_auc, pr_auc, k, precision_at_k, brier, calibration_error, flagged, labels_from)
         VALUES ($1, 'wallet', $2, $3, $4, $5, $6, $6, 50, $6, $6, $6, $7, 'staging.wallet_buyers')`,
        [RUN, column, value, n, positives, pr, flagged],
      );
    }
  });

  afterAll(async () => {
    await query(`TRUNCATE monitoring.segment_metrics`);
  });

  it("downloads the overall row and one segment column, formula-like values neutralised", async () => {
    const res = await get(`run=${RUN}&segment=state`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="segment-performance-00000000-state.csv"');
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines.map((l) => l.split(",").slice(1, 3).join(","))).toEqual(["segment_column,segment_value", "(all),(all)", "state,'=cmd()", "state,SP"]);
    expect(lines[3]).toBe(`${RUN},state,SP,10,2,,,50,,,,false,too few rows`);
    const all = (await (await get(`run=${RUN}`)).text()).trimEnd().split("\r\n");
    expect(all).toHaveLength(5);
  });

  it("answers 400 for a bad run id, 404 for a run or column without realised metrics", async () => {
    const bad = await get("run=nope");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "INVALID_INPUT", fields: { run: expect.any(String) } });
    expect((await get("run=00000000-0000-4000-8000-000000000999")).status).toBe(404);
    expect((await get(`run=${RUN}&segment=plan`)).status).toBe(404);
  });
});
