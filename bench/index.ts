// `npm run bench -- <name>`: benchmarks print ratios against a reference measured in the same run.
const benchName = process.argv[2] ?? "ingest";
const benches: Record<string, () => Promise<unknown>> = {
  ingest: async () => (await import("./ingest.ts")).benchIngest(),
  validate: async () => (await import("./validate.ts")).benchValidate(),
  preprocess: async () => (await import("./preprocess.ts")).benchPreprocess(),
  features: async () => (await import("./features.ts")).benchFeatures(),
  "ui-under-load": async () => (await import("./ui-under-load.ts")).benchUiUnderLoad(),
  train: async () => (await import("./train.ts")).benchTrain(),
  gbdt: async () => (await import("./gbdt.ts")).benchGbdt(),
  "train-scale": async () => (await import("./train-scale.ts")).benchTrainScale(),
  score: async () => (await import("./score.ts")).benchScore(),
  "train-quality": async () => (await import("./train-quality.ts")).benchTrainQuality(),
  drift: async () => (await import("./drift.ts")).benchDrift(),
  "predict-api": async () => (await import("./predict-api.ts")).benchPredictApi(),
};
if (!benches[benchName]) {
  console.error(`unknown benchmark "${benchName}"; available: ${Object.keys(benches).join(", ")}`);
  process.exit(64);
}
await benches[benchName]();
process.exit(0);
export {};
