import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client.ts";
import { fitLogisticRegression } from "../ml/linear/fit-logistic-regression.ts";
import { fitPreprocessor } from "../ml/preprocess/fit-preprocessor.ts";
import { mulberry32 } from "../ml/random.ts";
import { sigmoid } from "../ml/linear/sigmoid.ts";
import type { RawFrame } from "../ml/types.ts";
import { dayNumberSql, featureValueSql } from "../features/feature-value-sql.ts";
import { linearMarginSql, sigmoidSql } from "./linear-sql.ts";

// The in-database scorer must reproduce Node's transformFrame + LinearModel exactly: every preprocessing branch is
// exercised here (median fill and missing indicators, booleans, date ages per row, one-hot with rare categories
// grouped into __other__, a missing category, categories never seen in training, quotes in category text, and margins
// where Postgres' exp() would underflow).

const T = "raw.linear_sql_test";
const N = 3_000;

function syntheticFrame(seed: number): RawFrame {
  const rnd = mulberry32(seed);
  const num = new Float64Array(N), flag = new Float64Array(N), signup = new Float64Array(N), big = new Float64Array(N), asOf = new Float64Array(N);
  const plan: (string | null)[] = [];
  const labels = new Uint8Array(N);
  const plans = ["basic", "pro", "O'Brien's plan", "team", "rare-a", "rare-b"];
  for (let i = 0; i < N; i++) {
    num[i] = rnd() < 0.1 ? Number.NaN : rnd() * 100 - 20;
    flag[i] = rnd() < 0.5 ? 1 : 0;
    asOf[i] = 20_000 + Math.floor(rnd() * 60);
    signup[i] = rnd() < 0.05 ? Number.NaN : asOf[i]! - Math.floor(rnd() * 400);
    big[i] = rnd() * 10;
    const u = rnd();
    plan.push(u < 0.04 ? null : plans[u < 0.35 ? 0 : u < 0.6 ? 1 : u < 0.8 ? 2 : u < 0.994 ? 3 : u < 0.997 ? 4 : 5]!);
    const z = 0.03 * (Number.isNaN(num[i]!) ? 30 : num[i]!) - 1 + flag[i]! * 0.8 + (plan[i] === "pro" ? 0.7 : 0);
    labels[i] = rnd() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return {
    rows: N,
    labels,
    asOf,
    entityIds: Array.from({ length: N }, (_, i) => String(i)),
    columns: [
      { name: "spend", kind: "numeric", values: num },
      { name: "is_paid", kind: "boolean", values: flag },
      { name: "signup_date", kind: "date", values: signup },
      { name: "big", kind: "numeric", values: big },
      { name: "plan", kind: "categorical", values: plan },
    ],
  };
}

describe("linearMarginSql", () => {
  const frame = syntheticFrame(7);
  beforeAll(async () => {
    const { pool } = await getDb();
    await pool.query(`DROP TABLE IF EXISTS ${T}`);
    await pool.query(`CREATE TABLE ${T} (id int PRIMARY KEY, as_of date, spend float8, is_paid boolean, signup_date date, big float8, plan text)`);
    const col = (name: string) => frame.columns.find((c) => c.name === name)!.values as ArrayLike<number | string | null>;
    const day = (d: number) => (Number.isNaN(d) ? null : new Date(d * 86_400_000).toISOString().slice(0, 10));
    // Scoring sees one category training never did.
    const plan = (col("plan") as (string | null)[]).map((p, i) => (i === 10 ? "enterprise" : p));
    await pool.query(
      `INSERT INTO ${T} SELECT * FROM unnest($1::int[], $2::date[], $3::float8[], $4::boolean[], $5::date[], $6::float8[], $7::text[])`,
      [
        Array.from({ length: N }, (_, i) => i),
        Array.from(frame.asOf!, day),
        Array.from(col("spend") as Float64Array, (v) => (Number.isNaN(v) ? null : v)),
        Array.from(col("is_paid") as Float64Array, (v) => v === 1),
        Array.from(col("signup_date") as Float64Array, day),
        Array.from(col("big") as Float64Array),
        plan,
      ],
    );
    (frame.columns[4]!.values as (string | null)[])[10] = "enterprise";
  });
  afterAll(async () => {
    const { pool } = await getDb();
    await pool.query(`DROP TABLE IF EXISTS ${T}`);
  });

  it("gives the same margins and probabilities as Node to 1e-9 on every row", async () => {
    const train = syntheticFrame(7); // fitted on the training categories ("enterprise" unseen)
    const pre = fitPreprocessor(train, { minCategoryCount: 20 });
    const json = pre.toJSON();
    const cat = json.steps.find((s) => s.kind === "categorical")!;
    expect(cat.kind === "categorical" && cat.rare.length).toBeGreaterThan(0); // the __other__ branch is exercised
    const model = fitLogisticRegression(pre.transform(train).matrix, train.labels!, { C: 1 });
    const x = pre.transform(frame).matrix;
    const raw = model.raw(x);
    const p = model.probability(x);

    const margin = linearMarginSql(json, model.toJSON(), { value: featureValueSql, asOfDay: dayNumberSql("as_of") });
    const { pool } = await getDb();
    const { rows } = await pool.query<{ id: number; z: number; p: number }>(
      `SELECT id, z, ${sigmoidSql("z")} AS p FROM (SELECT t.id, (${margin}) AS z FROM ${T} t) s ORDER BY id`,
    );
    expect(rows).toHaveLength(N);
    let worstZ = 0, worstP = 0;
    for (const r of rows) {
      worstZ = Math.max(worstZ, Math.abs(r.z - raw[r.id]!) / Math.max(1, Math.abs(raw[r.id]!)));
      worstP = Math.max(worstP, Math.abs(r.p - p[r.id]!));
    }
    expect(worstP).toBeLessThan(1e-9);
    expect(worstZ).toBeLessThan(1e-9);
  });

  it("sigmoidSql equals lib/ml's sigmoid where Postgres' exp() would overflow or underflow", async () => {
    const z = [-1e6, -800, -745.2, -700, -36, -1e-12, 0, 1e-12, 36, 700, 745.2, 800, 1e6];
    const { pool } = await getDb();
    const { rows } = await pool.query<{ z: number; p: number }>(`SELECT z, ${sigmoidSql("z")} AS p FROM unnest($1::float8[]) z`, [z]);
    for (const r of rows) expect(Math.abs(r.p - sigmoid(r.z))).toBeLessThan(1e-300 + 1e-16 * sigmoid(r.z));
  });
});
