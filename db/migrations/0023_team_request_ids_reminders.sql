CREATE TABLE IF NOT EXISTS `reminder_notified` (
	`user_id` text NOT NULL,
	`reminder_id` text NOT NULL,
	`notified_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `reminder_id`)
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS `request_results` (
	`user_id` text NOT NULL,
	`request_id` text NOT NULL,
	`channel` text NOT NULL,
	`created_at` text NOT NULL,
	`result` text,
	PRIMARY KEY(`user_id`, `request_id`)
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `request_results_created_idx` ON `request_results` (`created_at`);