-- DropIndex
DROP INDEX "staging"."elearning_events_user_id_event_time_idx";
