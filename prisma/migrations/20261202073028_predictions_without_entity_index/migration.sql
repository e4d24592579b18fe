-- DropIndex
DROP INDEX "ops"."predictions_run_id_entity_id_idx";

