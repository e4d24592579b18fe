-- AlterTable
ALTER TABLE "monitoring"."drift_runs" ADD COLUMN     "baseline_run_id" UUID,
ADD COLUMN     "check_kind" TEXT NOT NULL DEFAULT 'model-drift',
ADD COLUMN     "psi_threshold" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "monitoring"."psi_baselines" (
    "run_id" UUID NOT NULL,
    "dataset" TEXT NOT NULL,
    "share" DOUBLE PRECISION NOT NULL,
    "rows" INTEGER NOT NULL,
    "source_rows" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "columns" INTEGER NOT NULL,
    "artifact_key" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "psi_baselines_pkey" PRIMARY KEY ("run_id")
);

-- CreateIndex
CREATE INDEX "psi_baselines_dataset_created_at_idx" ON "monitoring"."psi_baselines"("dataset", "created_at");

-- CreateIndex
CREATE INDEX "drift_runs_check_kind_dataset_created_at_idx" ON "monitoring"."drift_runs"("check_kind", "dataset", "created_at");

