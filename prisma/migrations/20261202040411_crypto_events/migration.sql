-- CreateTable
CREATE TABLE "raw"."bt_crypto_transaction_history" (
    "site_id" TEXT,
    "user_id" TEXT,
    "purchase_date" TEXT,
    "crypto_type" TEXT,
    "purchase_price" TEXT,
    "purchase_units" TEXT,
    "batch_date" DATE NOT NULL,
    "file_id" UUID NOT NULL,
    "source_line" INTEGER NOT NULL,

    CONSTRAINT "bt_crypto_transaction_history_pkey" PRIMARY KEY ("file_id","source_line")
);

-- CreateTable
CREATE TABLE "staging"."bt_crypto_events_candidate" (
    "site_id" TEXT NOT NULL,
    "user_id" BIGINT NOT NULL,
    "purchase_date" DATE,
    "crypto_type" TEXT NOT NULL,
    "purchase_price" DECIMAL(20,8) NOT NULL,
    "purchase_units" DECIMAL(20,8) NOT NULL,
    "purchase_value" DECIMAL(24,2) NOT NULL,
    "batch_date" DATE NOT NULL,
    "file_id" UUID NOT NULL,
    "source_line" INTEGER NOT NULL,

    CONSTRAINT "bt_crypto_events_candidate_pkey" PRIMARY KEY ("file_id","source_line")
);

-- CreateTable
CREATE TABLE "ops"."bt_crypto_events" (
    "site_id" TEXT NOT NULL,
    "user_id" BIGINT NOT NULL,
    "purchase_date" DATE NOT NULL,
    "crypto_type" TEXT NOT NULL,
    "purchase_price" DECIMAL(20,8) NOT NULL,
    "purchase_units" DECIMAL(20,8) NOT NULL,
    "purchase_value" DECIMAL(24,2) NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bt_crypto_events_pkey" PRIMARY KEY ("site_id","user_id","purchase_date","crypto_type")
);

-- CreateIndex
CREATE INDEX "bt_crypto_transaction_history_batch_date_idx" ON "raw"."bt_crypto_transaction_history"("batch_date");

-- CreateIndex
CREATE INDEX "bt_crypto_events_purchase_date_crypto_type_idx" ON "ops"."bt_crypto_events"("purchase_date", "crypto_type");

