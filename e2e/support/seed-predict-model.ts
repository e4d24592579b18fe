// Registers a logistic regression fitted on the synthetic churn data (lib/scoring/testing) as the champion of
// `e2e-predict` in the e2e server's database, through lib/registry, for e2e/predict.spec.ts.
//   node --import ./bin/register-hooks.mjs e2e/support/seed-predict-model.ts [model-name]
// Prints one JSON line: { model, version }.
import { closeDb } from "../../lib/db/client.ts";
import { registerSyntheticModel } from "../../lib/scoring/testing/register-synthetic-model.ts";

const name = process.argv[2] ?? "e2e-predict";
try {
  const { model, version } = await registerSyntheticModel(name, "logistic-regression", { rows: 600, seed: 7 });
  process.stdout.write(`${JSON.stringify({ model, version })}\n`);
} finally {
  await closeDb();
}
