-- AlterTable
ALTER TABLE "monitoring"."scoring_runs" ADD COLUMN     "estimate" JSONB;

