CREATE TABLE `case_code_counters` (
	`year` integer PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `persons` (
	`id` text PRIMARY KEY NOT NULL,
	`case_code` text NOT NULL,
	`given_names` text NOT NULL,
	`family_name` text NOT NULL,
	`aliases` text NOT NULL,
	`dob_precision` text NOT NULL,
	`dob` text,
	`age_in_doubt` integer NOT NULL,
	`unaccompanied` integer NOT NULL,
	`age_basis` text NOT NULL,
	`adult_from` text,
	`gender` text NOT NULL,
	`nationalities` text NOT NULL,
	`languages` text NOT NULL,
	`interpreter_needed` integer NOT NULL,
	`interpreter_language` text,
	`safety_notes` text NOT NULL,
	`guardianships` text NOT NULL,
	`detection` text,
	`identification` text,
	`exploitation_forms` text NOT NULL,
	`exploitation_countries` text NOT NULL,
	`centre` text,
	`caseworker_id` text,
	`search_text` text NOT NULL,
	`sort_name` text NOT NULL,
	`phase_be` text,
	`phase_nl` text,
	`phase_lu` text,
	`is_open` integer NOT NULL,
	`next_due_date` text,
	`next_due_kind` text,
	`next_due_country` text,
	`next_due_sort` text DEFAULT '9999-12-31' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`caseworker_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `persons_case_code_unique` ON `persons` (`case_code`);--> statement-breakpoint
CREATE INDEX `persons_list_due` ON `persons` (`is_open`,`next_due_sort`,`case_code`,`age_basis`,`adult_from`,`caseworker_id`,`phase_be`,`phase_nl`,`phase_lu`);--> statement-breakpoint
CREATE INDEX `persons_list_name` ON `persons` (`is_open`,`sort_name`,`case_code`);--> statement-breakpoint
CREATE INDEX `persons_caseworker_due` ON `persons` (`caseworker_id`,`is_open`,`next_due_sort`,`case_code`);--> statement-breakpoint
CREATE INDEX `persons_search` ON `persons` (`search_text`,`is_open`,`caseworker_id`,`next_due_sort`,`case_code`);--> statement-breakpoint
CREATE INDEX `persons_phase_be` ON `persons` (`phase_be`) WHERE "persons"."phase_be" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `persons_phase_nl` ON `persons` (`phase_nl`) WHERE "persons"."phase_nl" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `persons_phase_lu` ON `persons` (`phase_lu`) WHERE "persons"."phase_lu" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `attachment_contents` (
	`attachment_id` text PRIMARY KEY NOT NULL,
	`content` blob NOT NULL,
	FOREIGN KEY (`attachment_id`) REFERENCES `attachments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`kind` text NOT NULL,
	`media_type` text NOT NULL,
	`file_name` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`document_date` text,
	`added_at` text NOT NULL,
	`added_by` text,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attachments_person` ON `attachments` (`person_id`);--> statement-breakpoint
CREATE TABLE `checklist_answers` (
	`track_id` text NOT NULL,
	`checklist_id` text NOT NULL,
	`item_id` text NOT NULL,
	`status` text NOT NULL,
	`answered_on` text NOT NULL,
	`answered_by` text,
	`note` text NOT NULL,
	`attachment_id` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`track_id`, `checklist_id`, `item_id`),
	FOREIGN KEY (`track_id`) REFERENCES `tracks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attachment_id`) REFERENCES `attachments`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `procedure_events` (
	`id` text PRIMARY KEY NOT NULL,
	`track_id` text NOT NULL,
	`type` text NOT NULL,
	`date` text NOT NULL,
	`document_expiry` text,
	`revocation_ground` text,
	`recorded_at` text NOT NULL,
	`recorded_by` text,
	`removed_at` text,
	`removed_by` text,
	`removal_reason` text,
	FOREIGN KEY (`track_id`) REFERENCES `tracks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `procedure_events_track` ON `procedure_events` (`track_id`,`date`);--> statement-breakpoint
CREATE TABLE `track_due_dates` (
	`track_id` text NOT NULL,
	`person_id` text NOT NULL,
	`country` text NOT NULL,
	`kind` text NOT NULL,
	`due_date` text NOT NULL,
	`phase_id` text NOT NULL,
	PRIMARY KEY(`track_id`, `kind`),
	FOREIGN KEY (`track_id`) REFERENCES `tracks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `track_due_dates_due` ON `track_due_dates` (`due_date`,`person_id`);--> statement-breakpoint
CREATE TABLE `tracks` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`country` text NOT NULL,
	`opened_at` text NOT NULL,
	`opened_by` text,
	`phase_id` text NOT NULL,
	`closed` integer NOT NULL,
	`next_due_date` text,
	`next_due_kind` text,
	`derived_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tracks_person_country_unique` ON `tracks` (`person_id`,`country`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`kind` text NOT NULL,
	`partner` text,
	`categories` text NOT NULL,
	`given_on` text NOT NULL,
	`withdrawn_on` text,
	`recorded_at` text NOT NULL,
	`recorded_by` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `consents_person` ON `consents` (`person_id`);--> statement-breakpoint
ALTER TABLE `organisation` ADD `case_code_prefix` text;