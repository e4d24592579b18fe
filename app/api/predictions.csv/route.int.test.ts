import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "../../../lib/db/sql.ts";
import { GET } from "./route.ts";

const RUN = "00000000-0000-4000-8000-000000000301";
const VERSION = "00000000-0000-4000-8000-000000000310";
const get = (qs: string) => GET(new Request(`http://127.0.0.1:3000/api/predictions.csv?${qs}`));

describe("GET /api/predictions.csv", () => {
  beforeAll(async () => {
    await query(`TRUNCATE monitoring.scoring_runs, ops.predictions`);
    await query(
      `INSERT INTO monitoring.scoring_runs (run_id, dataset, model, version, model_version_id, family, frame, scored_in, rows, high_risk_threshold, duration_ms)
       VALUES ($1, 'wallet', 'wallet-churn', 1, $2, 'gbdt', '{}', 'node', 3, 0.7, 5)`,
      [RUN, VERSION],
    );
    const rows: [number, string, number, string, string | null][] = [
      [1, "=cmd()", 0.9, "high", JSON.stringify([{ feature: "balance_change", value: -120.5, contribution: 0.8 }, { feature: "gender", value: "F", contribution: -0.1 }, { feature: "mau_mp_3", value: 2, contribution: 0.05 }])],
      [2, "b-2", 0.5, "medium", null],
      [3, "c-3", 0.1, "low", null],
    ];
    for (const [rank, entity, p, band, reasons] of rows) {
      await query(
        `INSERT INTO ops.predictions (run_id, rank, model_version_id, model, version, dataset, entity_id, probability, risk_band, reasons) VALUES ($1, $2, $3, 'wallet-churn', 1, 'wallet', $4, $5, $6, $7::jsonb)`,
        [RUN, rank, VERSION, entity, p, band, reasons],
      );
    }
  });

  afterAll(async () => {
    await query(`TRUNCATE monitoring.scoring_runs, ops.predictions`);
  });

  it("streams the filtered rows with their reasons as columns, formula-like ids neutralised", async () => {
    const res = await get(`run=${RUN}&band=high`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="predictions-00000000-high.csv"`);
    const lines = (await res.text()).split("\r\n");
    expect(lines[0]!.startsWith("rank,entity_id,as_of,probability,risk_band,reason_1_feature")).toBe(true);
    expect(lines.slice(1)).toEqual(["1,'=cmd(),,0.9,high,balance_change,-120.5,0.8,gender,F,-0.1,mau_mp_3,2,0.05", ""]);
    const all = (await (await get(`run=${RUN}&q=-`)).text()).trimEnd().split("\r\n");
    expect(all.slice(1).map((l) => l.split(",")[1])).toEqual(["b-2", "c-3"]);
  });

  it("answers 400 without a run or with a bad band, 404 for an unknown run", async () => {
    expect((await get("band=high")).status).toBe(400);
    const bad = await get(`run=${RUN}&band=extreme`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "INVALID_INPUT", fields: { band: expect.any(String) } });
    expect((await get("run=00000000-0000-4000-8000-000000000999")).status).toBe(404);
  });
});
