CREATE TABLE `reminder_dispositions` (
	`item_id` text PRIMARY KEY NOT NULL,
	`due_date` text NOT NULL,
	`person_id` text,
	`state` text NOT NULL,
	`snoozed_until` text,
	`reason` text NOT NULL,
	`note` text NOT NULL,
	`decided_at` text NOT NULL,
	`decided_by` text,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reminder_dispositions_person` ON `reminder_dispositions` (`person_id`);--> statement-breakpoint
CREATE TABLE `reminder_fired` (
	`id` text PRIMARY KEY NOT NULL,
	`fired_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`due_date` text NOT NULL,
	`assignee_id` text NOT NULL,
	`person_id` text,
	`country` text NOT NULL,
	`state` text NOT NULL,
	`snoozed_until` text,
	`state_reason` text,
	`state_note` text,
	`state_at` text,
	`state_by` text,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `staff_tasks_due` ON `staff_tasks` (`state`,`due_date`);--> statement-breakpoint
CREATE INDEX `staff_tasks_assignee` ON `staff_tasks` (`assignee_id`,`state`,`due_date`);--> statement-breakpoint
CREATE INDEX `staff_tasks_person` ON `staff_tasks` (`person_id`);