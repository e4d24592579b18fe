-- AlterTable
ALTER TABLE "ops"."ingested_files" ADD COLUMN     "error" TEXT,
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'loaded';

