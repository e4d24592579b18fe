import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// unit: pure code, the artifact stores (local folder + a real s3rver), no database.
// integration-*: the same *.int.test.ts files against the embedded engine and, when DATABASE_URL is set, against
// real Postgres (a fresh database per run, dropped afterwards). Files run one at a time per engine: they share
// one database and the raw tables.
const integration = (engine: "embedded" | "postgres") => ({
  extends: true as const,
  test: {
    name: `integration-${engine}`,
    include: ["**/*.int.test.ts"],
    exclude: ["node_modules/**", ".next/**", "prisma/migrator/**"],
    // Loads announce data.changed; retraining on it would start background trainings in every load test.
    env: { CHURNOPS_TEST_ENGINE: engine, CHURNOPS_TRAIN_ON_DATA_CHANGE: "0" },
    globalSetup: ["tests/setup/global-database.ts"],
    setupFiles: ["tests/setup/use-test-database.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  // Server modules `import "server-only"`, which throws unless resolved with Next's "react-server" condition; tests
  // are server code, so they get its empty module (the CLI does the same through bin/register-hooks.mjs).
  resolve: { alias: { "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)) } },
  test: {
    environment: "node",
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**", ".next/**", "prisma/migrator/**", "e2e/**"],
          testTimeout: 30_000,
          hookTimeout: 60_000, // PGlite and s3rver start-up can take seconds on a busy 2-core machine
        },
      },
      integration("embedded"),
      ...(process.env.DATABASE_URL ? [integration("postgres")] : []),
    ],
  },
});
