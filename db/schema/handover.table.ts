import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Labels } from '../../shared/rules/rule.types';
import type { CalendarDate } from '../../shared/dates/calendar-date';
import type { KeyCard } from '../../shared/handover/key-card.schema';
import { persons } from './persons.table';

const COUNTRY = { enum: ['BE', 'NL', 'LU'] as const };

/**
 * Cross-border handover. Format of the key material and packages: docs/key-card.md and
 * docs/handover-package.md; what each table holds: docs/vault-format.md "Handover tables".
 */

/**
 * This organisation's own key pairs. Exactly one row is 'current'; rows made 'previous' by a key
 * rotation stay, so packages and receipts encrypted to an older key can still be opened.
 * `privateKeys` holds the private scalars (JWK `d`, base64url): only ever inside the encrypted vault.
 */
export const orgKeys = sqliteTable(
  'org_keys',
  {
    /** SHA-256 of the card body (hex), the card's fingerprint. */
    fingerprint: text('fingerprint').primaryKey(),
    card: text('card', { mode: 'json' }).$type<KeyCard>().notNull(),
    privateKeys: text('private_keys', { mode: 'json' }).$type<{ signing: { d: string }; encryption: { d: string } }>().notNull(),
    status: text('status', { enum: ['current', 'previous'] }).notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by'),
    retiredAt: text('retired_at'),
  },
  (t) => [index('org_keys_status').on(t.status)],
);

/** Other organisations' key cards (shared/handover/key-card.schema.ts partnerSchema), one row per organisation. */
export const partners = sqliteTable('partners', {
  orgId: text('org_id').primaryKey(),
  card: text('card', { mode: 'json' }).$type<KeyCard>().notNull(),
  fingerprint: text('fingerprint').notNull(),
  status: text('status', { enum: ['unverified', 'verified', 'keyChanged'] }).notNull(),
  verifiedFingerprint: text('verified_fingerprint'),
  verifiedAt: text('verified_at'),
  verifiedBy: text('verified_by'),
  importedAt: text('imported_at').notNull(),
  previousCard: text('previous_card', { mode: 'json' }).$type<KeyCard>(),
  /**
   * A newer card imported for a verified partner: it never replaces the verified card by itself.
   * It waits here until someone compares its fingerprint out of band (then it becomes `card`) or an
   * administrator removes it (docs/key-card.md "Pending card").
   */
  pendingCard: text('pending_card', { mode: 'json' }).$type<KeyCard>(),
  pendingImportedAt: text('pending_imported_at'),
});

/** Handovers this organisation started (the sending side). */
export const handovers = sqliteTable(
  'handovers',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    partnerOrgId: text('partner_org_id').notNull(),
    fromCountry: text('from_country', COUNTRY).notNull(),
    toCountry: text('to_country', COUNTRY).notNull(),
    /** The checklist template the items were generated from, e.g. 'handover.BE-LU'. */
    templateId: text('template_id').notNull(),
    /** preparing -> sent (a package exported) -> closed (a receipt imported); or cancelled. */
    status: text('status', { enum: ['preparing', 'sent', 'closed', 'cancelled'] }).notNull(),
    startedOn: text('started_on').$type<CalendarDate>().notNull(),
    startedAt: text('started_at').notNull(),
    startedBy: text('started_by'),
    closedAt: text('closed_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('handovers_person').on(t.personId), index('handovers_status').on(t.status)],
);

/** A handover's checklist: generated from the template for its direction, then edited by staff. */
export const handoverItems = sqliteTable(
  'handover_items',
  {
    handoverId: text('handover_id')
      .notNull()
      .references(() => handovers.id, { onDelete: 'cascade' }),
    /** The template item's id (e.g. 'handover.consent'), or 'custom.<uuid>' for an item staff added. */
    itemId: text('item_id').notNull(),
    position: integer('position').notNull(),
    kind: text('kind', { enum: ['step', 'requirement', 'custom'] }).notNull(),
    /** Template items: the labels in the three languages; custom items: the text as typed, under every language. */
    label: text('label', { mode: 'json' }).$type<Labels>().notNull(),
    source: text('source'),
    ownerRole: text('owner_role', { enum: ['coordinator', 'caseworker'] }),
    ownerId: text('owner_id'),
    dueDate: text('due_date').$type<CalendarDate>().notNull(),
    status: text('status', { enum: ['open', 'done', 'notApplicable'] }).notNull(),
    note: text('note').notNull(),
    doneOn: text('done_on').$type<CalendarDate>(),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.handoverId, t.itemId] }), index('handover_items_due').on(t.status, t.dueDate)],
);

/** Packages this organisation exported: what the receipt is checked against, and the retention of the sender's copy. */
export const sentPackages = sqliteTable(
  'sent_packages',
  {
    packageId: text('package_id').primaryKey(),
    handoverId: text('handover_id')
      .notNull()
      .references(() => handovers.id, { onDelete: 'cascade' }),
    recipientOrgId: text('recipient_org_id').notNull(),
    recipientFingerprint: text('recipient_fingerprint').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    /** The section codes and the number of attachments sent (never their content). */
    sections: text('sections', { mode: 'json' }).$type<string[]>().notNull(),
    attachmentCount: integer('attachment_count').notNull(),
    bytes: integer('bytes').notNull(),
    exportedBy: text('exported_by'),
    receiptId: text('receipt_id'),
    receiptOutcome: text('receipt_outcome', { enum: ['accepted', 'rejected'] }),
    receiptReason: text('receipt_reason'),
    receiptAt: text('receipt_at'),
    closedAt: text('closed_at'),
    /** When the sender's copy of the person's file is due for deletion (receipt date + retention days). */
    deletionDueOn: text('deletion_due_on').$type<CalendarDate>(),
  },
  (t) => [index('sent_packages_handover').on(t.handoverId)],
);

/** Receipt ids already imported (replay protection of receipts). */
export const seenReceiptIds = sqliteTable('seen_receipt_ids', {
  receiptId: text('receipt_id').primaryKey(),
  packageId: text('package_id').notNull(),
  importedAt: text('imported_at').notNull(),
});

/**
 * Package ids already imported or declined (replay protection). Inserted in the same transaction as
 * the import; the primary key makes a second insert fail even if a check were skipped.
 */
export const seenPackageIds = sqliteTable('seen_package_ids', {
  packageId: text('package_id').primaryKey(),
  senderOrgId: text('sender_org_id').notNull(),
  outcome: text('outcome', { enum: ['accepted', 'declined'] }).notNull(),
  at: text('at').notNull(),
});

/**
 * Packages this organisation received and accepted or declined (the receiving side). For an accepted
 * one, `personId` is the person created here and `origin` the sender's sections as received: the
 * READ-ONLY ORIGIN HISTORY (the sender's record and procedure history). Nothing in Passerelle updates
 * `origin` after the import; it is shown as it came, apart from this organisation's own record.
 */
export const handoverImports = sqliteTable(
  'handover_imports',
  {
    id: text('id').primaryKey(),
    packageId: text('package_id').notNull(),
    outcome: text('outcome', { enum: ['accepted', 'declined'] }).notNull(),
    personId: text('person_id').references(() => persons.id, { onDelete: 'set null' }),
    senderOrgId: text('sender_org_id').notNull(),
    senderName: text('sender_name').notNull(),
    senderCountry: text('sender_country', COUNTRY).notNull(),
    senderFingerprint: text('sender_fingerprint').notNull(),
    /** The sender's case code, to which the person created here is linked. */
    senderCaseCode: text('sender_case_code').notNull(),
    packageCreatedAt: text('package_created_at').notNull(),
    consent: text('consent', { mode: 'json' }).$type<{ givenOn: string; categories: string[] }>().notNull(),
    /** Read-only origin history: the sections exactly as the sender signed them (JSON). Null when declined. */
    origin: text('origin', { mode: 'json' }).$type<Record<string, unknown>>(),
    importedAt: text('imported_at').notNull(),
    importedBy: text('imported_by'),
    /** The signed receipt file made for the sender (one line of ASCII). */
    receipt: text('receipt').notNull(),
    receiptId: text('receipt_id').notNull(),
  },
  (t) => [uniqueIndex('handover_imports_package').on(t.packageId), index('handover_imports_person').on(t.personId)],
);

/**
 * The user's edits of the contact-point directory, kept apart from the seed data (shared/directory
 * merge.ts): one row per contact id, with the entry they added, their change of a seed entry, or the
 * time they hid it.
 */
export const directoryEdits = sqliteTable('directory_edits', {
  contactId: text('contact_id').primaryKey(),
  /** directoryEditsSchema.added[n] */
  added: text('added', { mode: 'json' }).$type<Record<string, unknown>>(),
  /** directoryEditsSchema.changed[n] */
  changed: text('changed', { mode: 'json' }).$type<Record<string, unknown>>(),
  hiddenAt: text('hidden_at'),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by'),
  /** A seed entry nobody edited has no row: version 1. */
  version: integer('version').notNull().default(1),
});
