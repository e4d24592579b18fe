-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "monitoring";

-- CreateTable
CREATE TABLE "ops"."predictions" (
    "run_id" UUID NOT NULL,
    "rank" INTEGER NOT NULL,
    "model_version_id" UUID NOT NULL,
    "model" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "dataset" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "as_of" DATE,
    "probability" DOUBLE PRECISION NOT NULL,
    "risk_band" TEXT NOT NULL,
    "reasons" JSONB,

    CONSTRAINT "predictions_pkey" PRIMARY KEY ("run_id","rank")
);

-- CreateTable
CREATE TABLE "monitoring"."scoring_runs" (
    "run_id" UUID NOT NULL,
    "dataset" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "model_version_id" UUID NOT NULL,
    "family" TEXT NOT NULL,
    "as_of" DATE,
    "frame" JSONB NOT NULL,
    "scored_in" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "mean" DOUBLE PRECISION,
    "p50" DOUBLE PRECISION,
    "p90" DOUBLE PRECISION,
    "p99" DOUBLE PRECISION,
    "high_risk_rate" DOUBLE PRECISION,
    "high_risk_threshold" DOUBLE PRECISION NOT NULL,
    "csv_key" TEXT,
    "duration_ms" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scoring_runs_pkey" PRIMARY KEY ("run_id")
);

-- CreateTable
CREATE TABLE "monitoring"."drift_runs" (
    "run_id" UUID NOT NULL,
    "dataset" TEXT NOT NULL,
    "model" TEXT,
    "version" INTEGER,
    "scoring_run_id" UUID,
    "reference_rows" INTEGER NOT NULL,
    "current_rows" INTEGER NOT NULL,
    "columns" INTEGER NOT NULL,
    "drifted_columns" INTEGER NOT NULL,
    "drifted_share" DOUBLE PRECISION NOT NULL,
    "share_threshold" DOUBLE PRECISION NOT NULL,
    "dataset_drift" BOOLEAN NOT NULL,
    "max_psi" DOUBLE PRECISION,
    "status" TEXT NOT NULL,
    "report_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "drift_runs_pkey" PRIMARY KEY ("run_id")
);

-- CreateTable
CREATE TABLE "monitoring"."drift_columns" (
    "run_id" UUID NOT NULL,
    "column" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "test" TEXT NOT NULL,
    "statistic" DOUBLE PRECISION NOT NULL,
    "p_value" DOUBLE PRECISION,
    "threshold" DOUBLE PRECISION NOT NULL,
    "drifted" BOOLEAN NOT NULL,
    "psi" DOUBLE PRECISION,
    "psi_status" TEXT,
    "histogram" JSONB NOT NULL,

    CONSTRAINT "drift_columns_pkey" PRIMARY KEY ("run_id","column")
);

-- CreateIndex
CREATE INDEX "predictions_run_id_entity_id_idx" ON "ops"."predictions"("run_id", "entity_id");

-- CreateIndex
CREATE INDEX "scoring_runs_dataset_created_at_idx" ON "monitoring"."scoring_runs"("dataset", "created_at");

-- CreateIndex
CREATE INDEX "drift_runs_dataset_created_at_idx" ON "monitoring"."drift_runs"("dataset", "created_at");

-- AddForeignKey
ALTER TABLE "monitoring"."drift_columns" ADD CONSTRAINT "drift_columns_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "monitoring"."drift_runs"("run_id") ON DELETE CASCADE ON UPDATE CASCADE;

