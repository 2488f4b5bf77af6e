ALTER TABLE `persons` ADD `missing_expiry_country` text;--> statement-breakpoint
CREATE INDEX `persons_missing_expiry` ON `persons` (`missing_expiry_country`,`caseworker_id`) WHERE "persons"."missing_expiry_country" IS NOT NULL;--> statement-breakpoint
ALTER TABLE `tracks` ADD `missing_expiry_kind` text;--> statement-breakpoint
ALTER TABLE `consents` ADD `partner_org_id` text;--> statement-breakpoint
ALTER TABLE `consents` ADD `partner_contact_id` text;