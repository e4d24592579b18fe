-- CreateTable
CREATE TABLE "ops"."registered_models" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "dataset" TEXT NOT NULL,
    "primary_metric" TEXT NOT NULL,
    "metric_direction" TEXT NOT NULL DEFAULT 'higher',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "registered_models_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ops"."model_versions" (
    "id" UUID NOT NULL,
    "model_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'registering',
    "family" TEXT NOT NULL,
    "metrics" JSONB NOT NULL DEFAULT '{}',
    "params" JSONB NOT NULL DEFAULT '{}',
    "primary_metric_value" DOUBLE PRECISION,
    "artifact_key" TEXT,
    "artifact_sha256" TEXT,
    "importances_key" TEXT,
    "shap_sample_key" TEXT,
    "data_hash" TEXT NOT NULL,
    "snapshots" JSONB NOT NULL DEFAULT '[]',
    "feature_set_version" TEXT NOT NULL,
    "run_id" UUID,
    "decision" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ops"."model_aliases" (
    "model_id" UUID NOT NULL,
    "alias" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_aliases_pkey" PRIMARY KEY ("model_id","alias")
);

-- CreateTable
CREATE TABLE "ops"."model_alias_events" (
    "id" BIGSERIAL NOT NULL,
    "model_id" UUID NOT NULL,
    "alias" TEXT NOT NULL,
    "from_version" INTEGER,
    "to_version" INTEGER,
    "action" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "metric_name" TEXT,
    "candidate_value" DOUBLE PRECISION,
    "champion_value" DOUBLE PRECISION,
    "delta" DOUBLE PRECISION,
    "run_id" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_alias_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ops"."search_trials" (
    "id" BIGSERIAL NOT NULL,
    "run_id" UUID NOT NULL,
    "model_name" TEXT NOT NULL,
    "family" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "params" JSONB NOT NULL,
    "validation_score" DOUBLE PRECISION,
    "metric" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_trials_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ops"."feature_importances" (
    "version_id" UUID NOT NULL,
    "feature" TEXT NOT NULL,
    "mean_abs_shap" DOUBLE PRECISION NOT NULL,
    "rank" INTEGER NOT NULL,

    CONSTRAINT "feature_importances_pkey" PRIMARY KEY ("version_id","feature")
);

-- CreateIndex
CREATE UNIQUE INDEX "registered_models_name_key" ON "ops"."registered_models"("name");

-- CreateIndex
CREATE UNIQUE INDEX "model_versions_model_id_version_key" ON "ops"."model_versions"("model_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "model_versions_model_id_run_id_key" ON "ops"."model_versions"("model_id", "run_id");

-- CreateIndex
CREATE INDEX "model_alias_events_model_id_at_idx" ON "ops"."model_alias_events"("model_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "search_trials_run_id_model_name_family_index_key" ON "ops"."search_trials"("run_id", "model_name", "family", "index");

-- AddForeignKey
ALTER TABLE "ops"."model_versions" ADD CONSTRAINT "model_versions_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "ops"."registered_models"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ops"."model_aliases" ADD CONSTRAINT "model_aliases_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "ops"."registered_models"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ops"."model_alias_events" ADD CONSTRAINT "model_alias_events_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "ops"."registered_models"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ops"."feature_importances" ADD CONSTRAINT "feature_importances_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "ops"."model_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

