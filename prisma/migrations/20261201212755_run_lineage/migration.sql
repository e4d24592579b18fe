-- CreateEnum
CREATE TYPE "ops"."LineageDirection" AS ENUM ('input', 'output');

-- CreateEnum
CREATE TYPE "ops"."LineageKind" AS ENUM ('artifact', 'table');

-- CreateTable
CREATE TABLE "ops"."run_lineage" (
    "id" BIGSERIAL NOT NULL,
    "run_id" UUID NOT NULL,
    "direction" "ops"."LineageDirection" NOT NULL,
    "kind" "ops"."LineageKind" NOT NULL,
    "name" TEXT NOT NULL,
    "sha256" TEXT,
    "bytes" BIGINT,
    "row_count" BIGINT,
    "checksum" TEXT,
    "source_run_id" UUID,
    "snapshot_table" TEXT,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "run_lineage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "run_lineage_snapshot_table_key" ON "ops"."run_lineage"("snapshot_table");

-- CreateIndex
CREATE INDEX "run_lineage_kind_name_created_at_idx" ON "ops"."run_lineage"("kind", "name", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "run_lineage_run_id_direction_kind_name_key" ON "ops"."run_lineage"("run_id", "direction", "kind", "name");

-- AddForeignKey
ALTER TABLE "ops"."run_lineage" ADD CONSTRAINT "run_lineage_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ops"."pipeline_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Per-run copies of staging tables (lib/lineage/snapshot-tables.ts). Tables here are created at run time, like
-- the tabular datasets' tables, because they copy whatever staging table a run produced.
CREATE SCHEMA IF NOT EXISTS "snapshots";
