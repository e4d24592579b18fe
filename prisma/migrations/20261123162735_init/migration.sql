-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "ops";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "raw";

-- CreateEnum
CREATE TYPE "ops"."RunTrigger" AS ENUM ('manual', 'schedule', 'event', 'cli');

-- CreateEnum
CREATE TYPE "ops"."RunExecutor" AS ENUM ('inngest', 'local');

-- CreateEnum
CREATE TYPE "ops"."RunStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "ops"."StepStatus" AS ENUM ('pending', 'running', 'succeeded', 'failed', 'skipped', 'cancelled');

-- CreateTable
CREATE TABLE "ops"."pipeline_runs" (
    "id" UUID NOT NULL,
    "pipeline_id" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "trigger" "ops"."RunTrigger" NOT NULL,
    "executor" "ops"."RunExecutor" NOT NULL,
    "status" "ops"."RunStatus" NOT NULL DEFAULT 'queued',
    "concurrency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "progress_message" TEXT,
    "failure_kind" TEXT,
    "error_message" TEXT,
    "error_stack" TEXT,
    "cancel_requested_at" TIMESTAMPTZ(3),
    "worker_pid" INTEGER,
    "worker_host" TEXT,
    "heartbeat_at" TIMESTAMPTZ(3),
    "inngest_run_id" TEXT,
    "summary" JSONB,

    CONSTRAINT "pipeline_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ops"."pipeline_steps" (
    "run_id" UUID NOT NULL,
    "step_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" "ops"."StepStatus" NOT NULL DEFAULT 'pending',
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "output" JSONB,
    "error_message" TEXT,

    CONSTRAINT "pipeline_steps_pkey" PRIMARY KEY ("run_id","step_id")
);

-- CreateTable
CREATE TABLE "ops"."ingested_files" (
    "id" UUID NOT NULL,
    "run_id" UUID,
    "source" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "table_name" TEXT NOT NULL,
    "artifact_key" TEXT,
    "sha256" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "rows" INTEGER NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ingested_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ops"."artifacts" (
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "run_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "artifacts_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "raw"."elearning_users" (
    "user_id" BIGINT NOT NULL,
    "signup_date" DATE NOT NULL,
    "plan" TEXT NOT NULL,
    "is_paid" SMALLINT NOT NULL,
    "country" TEXT NOT NULL,
    "marketing_source" TEXT NOT NULL,
    "engagement_score" DOUBLE PRECISION,
    "file_id" UUID NOT NULL,
    "source_line" INTEGER NOT NULL,

    CONSTRAINT "elearning_users_pkey" PRIMARY KEY ("file_id","source_line")
);

-- CreateTable
CREATE TABLE "raw"."elearning_events" (
    "event_id" BIGINT NOT NULL,
    "user_id" BIGINT NOT NULL,
    "event_time" TIMESTAMP(0) NOT NULL,
    "event_type" TEXT NOT NULL,
    "course_id" TEXT,
    "watch_minutes" DOUBLE PRECISION NOT NULL,
    "quiz_score" DOUBLE PRECISION,
    "amount" DOUBLE PRECISION,
    "file_id" UUID NOT NULL,
    "source_line" INTEGER NOT NULL,

    CONSTRAINT "elearning_events_pkey" PRIMARY KEY ("file_id","source_line")
);

-- CreateIndex
CREATE INDEX "pipeline_runs_pipeline_id_created_at_idx" ON "ops"."pipeline_runs"("pipeline_id", "created_at");

-- CreateIndex
CREATE INDEX "pipeline_runs_status_idx" ON "ops"."pipeline_runs"("status");

-- CreateIndex
CREATE INDEX "ingested_files_source_created_at_idx" ON "ops"."ingested_files"("source", "created_at");

-- CreateIndex
CREATE INDEX "artifacts_run_id_idx" ON "ops"."artifacts"("run_id");

-- CreateIndex
CREATE INDEX "elearning_users_user_id_idx" ON "raw"."elearning_users"("user_id");

-- CreateIndex
CREATE INDEX "elearning_events_user_id_event_time_idx" ON "raw"."elearning_events"("user_id", "event_time");

-- AddForeignKey
ALTER TABLE "ops"."pipeline_steps" ADD CONSTRAINT "pipeline_steps_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ops"."pipeline_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ops"."ingested_files" ADD CONSTRAINT "ingested_files_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ops"."pipeline_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written below this line (Prisma's diff cannot express these).
-- Every data schema exists from the first migration, even before it holds a table.
CREATE SCHEMA IF NOT EXISTS "staging";
CREATE SCHEMA IF NOT EXISTS "features";
CREATE SCHEMA IF NOT EXISTS "dqm";

-- Two runs with the same concurrency key never run at once: claiming a run (status -> running) fails while
-- another run with that key is running, whichever executor started it.
CREATE UNIQUE INDEX "pipeline_runs_one_running_per_key" ON "ops"."pipeline_runs" ("concurrency_key") WHERE "status" = 'running';
