-- AlterEnum
ALTER TYPE "ops"."RunStatus" ADD VALUE 'cancelling';

-- CreateTable
CREATE TABLE "ops"."outbox_events" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "run_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_until" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "delivered_to" TEXT,
    "started_runs" JSONB,

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbox_events_sent_at_created_at_idx" ON "ops"."outbox_events"("sent_at", "created_at");

-- CreateIndex
CREATE INDEX "outbox_events_run_id_idx" ON "ops"."outbox_events"("run_id");

