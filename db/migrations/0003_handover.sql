CREATE TABLE `directory_edits` (
	`contact_id` text PRIMARY KEY NOT NULL,
	`added` text,
	`changed` text,
	`hidden_at` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `handover_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`package_id` text NOT NULL,
	`outcome` text NOT NULL,
	`person_id` text,
	`sender_org_id` text NOT NULL,
	`sender_name` text NOT NULL,
	`sender_country` text NOT NULL,
	`sender_fingerprint` text NOT NULL,
	`sender_case_code` text NOT NULL,
	`package_created_at` text NOT NULL,
	`consent` text NOT NULL,
	`origin` text,
	`imported_at` text NOT NULL,
	`imported_by` text,
	`receipt` text NOT NULL,
	`receipt_id` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `handover_imports_package` ON `handover_imports` (`package_id`);--> statement-breakpoint
CREATE INDEX `handover_imports_person` ON `handover_imports` (`person_id`);--> statement-breakpoint
CREATE TABLE `handover_items` (
	`handover_id` text NOT NULL,
	`item_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`source` text,
	`owner_role` text,
	`owner_id` text,
	`due_date` text NOT NULL,
	`status` text NOT NULL,
	`note` text NOT NULL,
	`done_on` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	PRIMARY KEY(`handover_id`, `item_id`),
	FOREIGN KEY (`handover_id`) REFERENCES `handovers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `handover_items_due` ON `handover_items` (`status`,`due_date`);--> statement-breakpoint
CREATE TABLE `handovers` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`partner_org_id` text NOT NULL,
	`from_country` text NOT NULL,
	`to_country` text NOT NULL,
	`template_id` text NOT NULL,
	`status` text NOT NULL,
	`started_on` text NOT NULL,
	`started_at` text NOT NULL,
	`started_by` text,
	`closed_at` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `handovers_person` ON `handovers` (`person_id`);--> statement-breakpoint
CREATE INDEX `handovers_status` ON `handovers` (`status`);--> statement-breakpoint
CREATE TABLE `org_keys` (
	`fingerprint` text PRIMARY KEY NOT NULL,
	`card` text NOT NULL,
	`private_keys` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`retired_at` text
);
--> statement-breakpoint
CREATE INDEX `org_keys_status` ON `org_keys` (`status`);--> statement-breakpoint
CREATE TABLE `partners` (
	`org_id` text PRIMARY KEY NOT NULL,
	`card` text NOT NULL,
	`fingerprint` text NOT NULL,
	`status` text NOT NULL,
	`verified_fingerprint` text,
	`verified_at` text,
	`verified_by` text,
	`imported_at` text NOT NULL,
	`previous_card` text
);
--> statement-breakpoint
CREATE TABLE `seen_package_ids` (
	`package_id` text PRIMARY KEY NOT NULL,
	`sender_org_id` text NOT NULL,
	`outcome` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `seen_receipt_ids` (
	`receipt_id` text PRIMARY KEY NOT NULL,
	`package_id` text NOT NULL,
	`imported_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sent_packages` (
	`package_id` text PRIMARY KEY NOT NULL,
	`handover_id` text NOT NULL,
	`recipient_org_id` text NOT NULL,
	`recipient_fingerprint` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`sections` text NOT NULL,
	`attachment_count` integer NOT NULL,
	`bytes` integer NOT NULL,
	`exported_by` text,
	`receipt_id` text,
	`receipt_outcome` text,
	`receipt_reason` text,
	`receipt_at` text,
	`closed_at` text,
	`deletion_due_on` text,
	FOREIGN KEY (`handover_id`) REFERENCES `handovers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sent_packages_handover` ON `sent_packages` (`handover_id`);