CREATE TABLE `deadline_recomputations` (
	`id` text PRIMARY KEY NOT NULL,
	`track_id` text NOT NULL,
	`person_id` text NOT NULL,
	`kind` text NOT NULL,
	`previous_due_date` text,
	`new_due_date` text,
	`rules_version` integer NOT NULL,
	`recomputed_at` text NOT NULL,
	`acknowledged_at` text,
	`acknowledged_by` text,
	FOREIGN KEY (`track_id`) REFERENCES `tracks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `deadline_recomputations_track` ON `deadline_recomputations` (`track_id`,`kind`);--> statement-breakpoint
CREATE INDEX `deadline_recomputations_person` ON `deadline_recomputations` (`person_id`);--> statement-breakpoint
ALTER TABLE `persons` ADD `residence_status` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `parental_conflict` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `persons` ADD `parents_are_perpetrators` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `track_due_dates` ADD `basis` text DEFAULT 'exact' NOT NULL;--> statement-breakpoint
ALTER TABLE `tracks` ADD `rules_version` integer DEFAULT 0 NOT NULL;