import { afterAll, inject } from "vitest";
import { closeDb } from "../../lib/db/client.ts";
import { resetEnvCache } from "../../lib/env.ts";
import { resetArtifactStore } from "../../lib/storage/default-artifact-store.ts";

// Point every lib/ singleton at this run's database and a private CHURNOPS_HOME (artifacts, logs).
process.env.DATABASE_URL = inject("databaseUrl");
process.env.CHURNOPS_HOME = inject("churnopsHome");
delete process.env.INNGEST_DEV;
delete process.env.INNGEST_BASE_URL;
delete process.env.INNGEST_EVENT_KEY;
delete process.env.S3_BUCKET;
resetEnvCache();
resetArtifactStore();

afterAll(async () => {
  await closeDb();
});
