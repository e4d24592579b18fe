-- CreateTable
CREATE TABLE "monitoring"."segment_metrics" (
    "run_id" UUID NOT NULL,
    "dataset" TEXT NOT NULL,
    "segment_column" TEXT NOT NULL,
    "segment_value" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "positives" INTEGER NOT NULL,
    "roc_auc" DOUBLE PRECISION,
    "pr_auc" DOUBLE PRECISION,
    "k" INTEGER NOT NULL,
    "precision_at_k" DOUBLE PRECISION,
    "brier" DOUBLE PRECISION,
    "calibration_error" DOUBLE PRECISION,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "labels_from" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "segment_metrics_pkey" PRIMARY KEY ("run_id","segment_column","segment_value")
);

-- CreateIndex
CREATE INDEX "segment_metrics_dataset_created_at_idx" ON "monitoring"."segment_metrics"("dataset", "created_at");

