DROP INDEX IF EXISTS `procedure_events_type_date`;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `procedure_events_statistics` ON `procedure_events` (`type`,`date`,`removed_at`,`track_id`);