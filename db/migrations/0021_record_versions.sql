CREATE TABLE `record_versions` (
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`version` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text,
	PRIMARY KEY(`record_type`, `record_id`)
);
--> statement-breakpoint
CREATE TABLE `checklist_versions` (
	`track_id` text NOT NULL,
	`checklist_id` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text,
	PRIMARY KEY(`track_id`, `checklist_id`),
	FOREIGN KEY (`track_id`) REFERENCES `tracks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `tracks` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `tracks` ADD `updated_at` text;--> statement-breakpoint
ALTER TABLE `tracks` ADD `updated_by` text;--> statement-breakpoint
ALTER TABLE `consents` ADD `updated_by` text;--> statement-breakpoint
ALTER TABLE `consents` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `directory_edits` ADD `updated_by` text;--> statement-breakpoint
ALTER TABLE `directory_edits` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `staff_tasks` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `appointments` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `case_notes` ADD `version` integer DEFAULT 1 NOT NULL;