-- The year's statistics read the closing day of every closed file: the date of the last event still
-- recorded on each of its tracks (docs/statistics.md). With removed_at in the track index that day
-- comes from the index alone instead of one row read per event.
DROP INDEX `procedure_events_track`;--> statement-breakpoint
CREATE INDEX `procedure_events_track` ON `procedure_events` (`track_id`,`date`,`removed_at`);