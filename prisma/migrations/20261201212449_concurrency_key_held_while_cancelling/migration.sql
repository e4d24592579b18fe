-- A run that is stopping still holds its concurrency key: the next run with the same key may start only after the
-- running step has actually stopped. (A separate migration: Postgres refuses a new enum value in the transaction
-- that added it.)
DROP INDEX "ops"."pipeline_runs_one_running_per_key";
CREATE UNIQUE INDEX "pipeline_runs_one_running_per_key" ON "ops"."pipeline_runs" ("concurrency_key") WHERE "status" IN ('running', 'cancelling');
