-- CreateTable
CREATE TABLE "dqm"."dq_runs" (
    "id" UUID NOT NULL,
    "run_id" UUID,
    "source" TEXT NOT NULL,
    "suite" TEXT NOT NULL,
    "table_name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "row_count" INTEGER NOT NULL,
    "rejected_rows" INTEGER NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "result" JSONB NOT NULL,
    "evaluated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dq_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dqm"."rejects" (
    "id" BIGSERIAL NOT NULL,
    "dq_run_id" UUID NOT NULL,
    "run_id" UUID,
    "source" TEXT NOT NULL,
    "suite" TEXT NOT NULL,
    "expectation_id" TEXT NOT NULL,
    "reason_code" TEXT NOT NULL,
    "file_id" UUID,
    "source_line" INTEGER,
    "source_file" TEXT,
    "row_data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rejects_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staging"."elearning_users" (
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
CREATE TABLE "staging"."elearning_events" (
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

-- CreateTable
CREATE TABLE "raw"."wallet_payments" (
    "fecha" TEXT,
    "cus_cust_id_sel" TEXT,
    "cus_cust_id_buy" TEXT,
    "spent" TEXT,
    "tpv_segment_detail" TEXT,
    "descuento" TEXT,
    "file_id" UUID NOT NULL,
    "source_line" INTEGER NOT NULL,

    CONSTRAINT "wallet_payments_pkey" PRIMARY KEY ("file_id","source_line")
);

-- CreateTable
CREATE TABLE "raw"."wallet_active_user" (
    "cus_cust_id_buy" TEXT,
    "mau_mp_3" TEXT,
    "mau_ml_3" TEXT,
    "mau_mp_2" TEXT,
    "mau_ml_2" TEXT,
    "mau_mp_1" TEXT,
    "mau_ml_1" TEXT,
    "last_login_mp_date_1" TEXT,
    "last_login_ml_date_1" TEXT,
    "file_id" UUID NOT NULL,
    "source_line" INTEGER NOT NULL,

    CONSTRAINT "wallet_active_user_pkey" PRIMARY KEY ("file_id","source_line")
);

-- CreateTable
CREATE TABLE "raw"."wallet_demograficos" (
    "city" TEXT,
    "cus_cust_id_buy" TEXT,
    "gender" TEXT,
    "rango_edad" TEXT,
    "tarjetas" TEXT,
    "estado" TEXT,
    "file_id" UUID NOT NULL,
    "source_line" INTEGER NOT NULL,

    CONSTRAINT "wallet_demograficos_pkey" PRIMARY KEY ("file_id","source_line")
);

-- CreateTable
CREATE TABLE "raw"."wallet_dinero_cuenta" (
    "cus_cust_id_buy" TEXT,
    "plata_cuenta_1" TEXT,
    "plata_cuenta_2" TEXT,
    "inversion" TEXT,
    "file_id" UUID NOT NULL,
    "source_line" INTEGER NOT NULL,

    CONSTRAINT "wallet_dinero_cuenta_pkey" PRIMARY KEY ("file_id","source_line")
);

-- CreateTable
CREATE TABLE "raw"."wallet_marketplace_data" (
    "cus_cust_id_buy" TEXT,
    "spent_ml" TEXT,
    "recency_ml" TEXT,
    "frequency_ml" TEXT,
    "file_id" UUID NOT NULL,
    "source_line" INTEGER NOT NULL,

    CONSTRAINT "wallet_marketplace_data_pkey" PRIMARY KEY ("file_id","source_line")
);

-- CreateTable
CREATE TABLE "raw"."wallet_evaluate" (
    "cus_cust_id_buy" TEXT,
    "churn" TEXT,
    "file_id" UUID NOT NULL,
    "source_line" INTEGER NOT NULL,

    CONSTRAINT "wallet_evaluate_pkey" PRIMARY KEY ("file_id","source_line")
);

-- CreateTable
CREATE TABLE "staging"."wallet_payments" (
    "fecha" DATE NOT NULL,
    "seller_id" BIGINT,
    "buyer_id" BIGINT NOT NULL,
    "spent" DOUBLE PRECISION NOT NULL,
    "segment" TEXT,
    "descuento" DOUBLE PRECISION,
    "file_id" UUID NOT NULL,
    "source_line" INTEGER NOT NULL,

    CONSTRAINT "wallet_payments_pkey" PRIMARY KEY ("file_id","source_line")
);

-- CreateTable
CREATE TABLE "staging"."wallet_buyers" (
    "buyer_id" BIGINT NOT NULL,
    "churn" SMALLINT NOT NULL,
    "mau_mp_3" DOUBLE PRECISION,
    "mau_ml_3" DOUBLE PRECISION,
    "mau_mp_2" DOUBLE PRECISION,
    "mau_ml_2" DOUBLE PRECISION,
    "mau_mp_1" DOUBLE PRECISION,
    "mau_ml_1" DOUBLE PRECISION,
    "last_login_mp_date_1" DATE,
    "last_login_ml_date_1" DATE,
    "city" TEXT,
    "gender" TEXT,
    "age_band" TEXT,
    "card_type" TEXT,
    "state" TEXT,
    "balance_1" DOUBLE PRECISION,
    "balance_2" DOUBLE PRECISION,
    "inversion" TEXT,
    "spent_ml" DOUBLE PRECISION,
    "recency_ml" DATE,
    "frequency_ml" DOUBLE PRECISION,
    "in_active_user" BOOLEAN NOT NULL,
    "in_demograficos" BOOLEAN NOT NULL,
    "in_dinero_cuenta" BOOLEAN NOT NULL,
    "in_marketplace_data" BOOLEAN NOT NULL,
    "in_payments" BOOLEAN NOT NULL,

    CONSTRAINT "wallet_buyers_pkey" PRIMARY KEY ("buyer_id")
);

-- CreateTable
CREATE TABLE "ops"."datasets" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "id_column" TEXT NOT NULL,
    "target_column" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "datasets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ops"."dataset_versions" (
    "id" UUID NOT NULL,
    "dataset_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "artifact_key" TEXT NOT NULL,
    "descriptions_key" TEXT,
    "sha256" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "rows" INTEGER,
    "encoding" TEXT NOT NULL DEFAULT 'utf-8',
    "columns" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "origin" TEXT NOT NULL DEFAULT 'upload',
    "run_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmed_at" TIMESTAMPTZ(3),

    CONSTRAINT "dataset_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ops"."watched_files" (
    "path" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "dataset_id" UUID,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "watched_files_pkey" PRIMARY KEY ("path")
);

-- CreateIndex
CREATE INDEX "dq_runs_source_evaluated_at_idx" ON "dqm"."dq_runs"("source", "evaluated_at");

-- CreateIndex
CREATE INDEX "dq_runs_run_id_idx" ON "dqm"."dq_runs"("run_id");

-- CreateIndex
CREATE INDEX "rejects_dq_run_id_idx" ON "dqm"."rejects"("dq_run_id");

-- CreateIndex
CREATE INDEX "rejects_run_id_idx" ON "dqm"."rejects"("run_id");

-- CreateIndex
CREATE INDEX "rejects_source_reason_code_idx" ON "dqm"."rejects"("source", "reason_code");

-- CreateIndex
CREATE INDEX "rejects_file_id_source_line_idx" ON "dqm"."rejects"("file_id", "source_line");

-- CreateIndex
CREATE INDEX "elearning_users_user_id_idx" ON "staging"."elearning_users"("user_id");

-- CreateIndex
CREATE INDEX "elearning_events_user_id_event_time_idx" ON "staging"."elearning_events"("user_id", "event_time");

-- CreateIndex
CREATE INDEX "wallet_payments_buyer_id_fecha_idx" ON "staging"."wallet_payments"("buyer_id", "fecha");

-- CreateIndex
CREATE UNIQUE INDEX "datasets_slug_key" ON "ops"."datasets"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "dataset_versions_dataset_id_version_key" ON "ops"."dataset_versions"("dataset_id", "version");

-- AddForeignKey
ALTER TABLE "ops"."dataset_versions" ADD CONSTRAINT "dataset_versions_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "ops"."datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

