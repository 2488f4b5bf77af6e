ALTER TABLE `partners` ADD `pending_card` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `pending_imported_at` text;