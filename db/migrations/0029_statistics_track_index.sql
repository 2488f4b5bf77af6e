-- The year's statistics look up the track of each event they count (person, country, phase): this
-- index holds all four, so the lookup reads neither the primary key's index nor the row
-- (docs/statistics.md "Performance").
CREATE INDEX IF NOT EXISTS `tracks_statistics` ON `tracks` (`id`,`person_id`,`country`,`phase_id`);