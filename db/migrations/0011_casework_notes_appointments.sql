CREATE TABLE `appointments` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`service_kind` text NOT NULL,
	`service` text NOT NULL,
	`date` text NOT NULL,
	`time` text,
	`place` text NOT NULL,
	`interpreter_booked` integer NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `appointments_due` ON `appointments` (`status`,`date`);--> statement-breakpoint
CREATE INDEX `appointments_person` ON `appointments` (`person_id`,`date`);--> statement-breakpoint
CREATE TABLE `case_notes` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`person_id` text NOT NULL,
	`occurred_on` text NOT NULL,
	`type` text NOT NULL,
	`body` text NOT NULL,
	`duration_minutes` integer,
	`attachment_id` text,
	`corrects_id` text,
	`author_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attachment_id`) REFERENCES `attachments`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`corrects_id`) REFERENCES `case_notes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_notes_id_unique` ON `case_notes` (`id`);--> statement-breakpoint
CREATE INDEX `case_notes_person` ON `case_notes` (`person_id`,`occurred_on`);--> statement-breakpoint
CREATE INDEX `case_notes_corrects` ON `case_notes` (`corrects_id`) WHERE "case_notes"."corrects_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `case_notes_attachment` ON `case_notes` (`attachment_id`) WHERE "case_notes"."attachment_id" IS NOT NULL;