/**
 * Handover: own keys, partners, handovers and checklist items, sent packages, seen package
 * and receipt ids, imports, and directory edits. Rows only; the rules live in electron/core/handover.
 */
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { ERASED_SENDER_CASE_CODE } from '../shared/handover/handover.ipc';
import type { Db } from './connection';
import {
  directoryEdits,
  handoverImports,
  handoverItems,
  handovers,
  orgKeys,
  partners,
  seenPackageIds,
  seenReceiptIds,
  sentPackages,
} from './schema';

export type OrgKeyRow = typeof orgKeys.$inferSelect;
export type PartnerRow = typeof partners.$inferSelect;
export type HandoverRow = typeof handovers.$inferSelect;
export type HandoverItemRow = typeof handoverItems.$inferSelect;
export type SentPackageRow = typeof sentPackages.$inferSelect;
export type HandoverImportRow = typeof handoverImports.$inferSelect;
export type DirectoryEditRow = typeof directoryEdits.$inferSelect;

export class OrgKeysRepo {
  constructor(private readonly db: Db) {}

  current(): OrgKeyRow | undefined {
    return this.db.select().from(orgKeys).where(eq(orgKeys.status, 'current')).get();
  }

  /** Current first, then previous keys, newest first. */
  all(): OrgKeyRow[] {
    return this.db
      .select()
      .from(orgKeys)
      .orderBy(sql`CASE ${orgKeys.status} WHEN 'current' THEN 0 ELSE 1 END`, desc(orgKeys.createdAt))
      .all();
  }

  /** Makes `row` the current key; the current one (if any) becomes previous. In the caller's transaction. */
  replaceCurrent(row: OrgKeyRow, at: string): void {
    this.db.update(orgKeys).set({ status: 'previous', retiredAt: at }).where(eq(orgKeys.status, 'current')).run();
    this.db.insert(orgKeys).values(row).run();
  }
}

export class PartnersRepo {
  constructor(private readonly db: Db) {}

  all(): PartnerRow[] {
    return this.db.select().from(partners).orderBy(asc(partners.importedAt)).all();
  }

  byId(orgId: string): PartnerRow | undefined {
    return this.db.select().from(partners).where(eq(partners.orgId, orgId)).get();
  }

  upsert(row: PartnerRow): void {
    const { orgId: _orgId, ...rest } = row;
    this.db.insert(partners).values(row).onConflictDoUpdate({ target: partners.orgId, set: rest }).run();
  }

  remove(orgId: string): void {
    this.db.delete(partners).where(eq(partners.orgId, orgId)).run();
  }

  /** Handovers (any status) started with this partner: their views and receipts need its card. */
  handoverCount(orgId: string): number {
    return this.db.select({ n: sql<number>`count(*)` }).from(handovers).where(eq(handovers.partnerOrgId, orgId)).get()?.n ?? 0;
  }
}

export class HandoversRepo {
  constructor(private readonly db: Db) {}

  byId(id: string): HandoverRow | undefined {
    return this.db.select().from(handovers).where(eq(handovers.id, id)).get();
  }

  list(filter: { personId?: string | undefined; statuses?: readonly HandoverRow['status'][] | undefined }): HandoverRow[] {
    const clauses = [];
    if (filter.personId) clauses.push(eq(handovers.personId, filter.personId));
    if (filter.statuses) clauses.push(inArray(handovers.status, [...filter.statuses]));
    return this.db
      .select()
      .from(handovers)
      .where(clauses.length ? and(...clauses) : undefined)
      .orderBy(desc(handovers.startedAt))
      .all();
  }

  insert(row: HandoverRow): void {
    this.db.insert(handovers).values(row).run();
  }

  update(id: string, values: Partial<HandoverRow>): void {
    this.db.update(handovers).set(values).where(eq(handovers.id, id)).run();
  }

  items(handoverId: string): HandoverItemRow[] {
    return this.db.select().from(handoverItems).where(eq(handoverItems.handoverId, handoverId)).orderBy(asc(handoverItems.position)).all();
  }

  item(handoverId: string, itemId: string): HandoverItemRow | undefined {
    return this.db
      .select()
      .from(handoverItems)
      .where(and(eq(handoverItems.handoverId, handoverId), eq(handoverItems.itemId, itemId)))
      .get();
  }

  insertItems(rows: HandoverItemRow[]): void {
    if (rows.length) this.db.insert(handoverItems).values(rows).run();
  }

  updateItem(handoverId: string, itemId: string, values: Partial<HandoverItemRow>): void {
    this.db
      .update(handoverItems)
      .set(values)
      .where(and(eq(handoverItems.handoverId, handoverId), eq(handoverItems.itemId, itemId)))
      .run();
  }

  /** Open items of handovers still preparing or sent (the reminders' handover due dates). */
  openItems(): { handover: HandoverRow; item: HandoverItemRow }[] {
    return this.db
      .select({ handover: handovers, item: handoverItems })
      .from(handoverItems)
      .innerJoin(handovers, eq(handovers.id, handoverItems.handoverId))
      .where(and(eq(handoverItems.status, 'open'), inArray(handovers.status, ['preparing', 'sent'])))
      .orderBy(asc(handoverItems.dueDate))
      .all();
  }

  /**
   * Handovers whose package the partner accepted, with the day this organisation's copy of the file is
   * due for deletion. Erasing the person removes the handover, and the row with it.
   */
  retentionDue(): { handover: HandoverRow; deletionDueOn: NonNullable<SentPackageRow['deletionDueOn']> }[] {
    const rows = this.db
      .select({ handover: handovers, deletionDueOn: sentPackages.deletionDueOn })
      .from(sentPackages)
      .innerJoin(handovers, eq(handovers.id, sentPackages.handoverId))
      .where(isNotNull(sentPackages.deletionDueOn))
      .orderBy(asc(sentPackages.deletionDueOn))
      .all();
    // One per handover: should two of its packages have been accepted, the later day counts.
    const byHandover = new Map<string, { handover: HandoverRow; deletionDueOn: NonNullable<SentPackageRow['deletionDueOn']> }>();
    for (const r of rows) if (r.deletionDueOn) byHandover.set(r.handover.id, { handover: r.handover, deletionDueOn: r.deletionDueOn });
    return [...byHandover.values()];
  }

  packages(handoverId: string): SentPackageRow[] {
    return this.db.select().from(sentPackages).where(eq(sentPackages.handoverId, handoverId)).orderBy(asc(sentPackages.createdAt)).all();
  }

  sentPackage(packageId: string): SentPackageRow | undefined {
    return this.db.select().from(sentPackages).where(eq(sentPackages.packageId, packageId)).get();
  }

  insertSentPackage(row: SentPackageRow): void {
    this.db.insert(sentPackages).values(row).run();
  }

  updateSentPackage(packageId: string, values: Partial<SentPackageRow>): void {
    this.db.update(sentPackages).set(values).where(eq(sentPackages.packageId, packageId)).run();
  }

  receiptSeen(receiptId: string): boolean {
    return this.db.select({ id: seenReceiptIds.receiptId }).from(seenReceiptIds).where(eq(seenReceiptIds.receiptId, receiptId)).get() !== undefined;
  }

  insertSeenReceipt(receiptId: string, packageId: string, at: string): void {
    this.db.insert(seenReceiptIds).values({ receiptId, packageId, importedAt: at }).run();
  }
}

export class HandoverImportsRepo {
  constructor(private readonly db: Db) {}

  packageSeen(packageId: string): boolean {
    return this.db.select({ id: seenPackageIds.packageId }).from(seenPackageIds).where(eq(seenPackageIds.packageId, packageId)).get() !== undefined;
  }

  insertSeenPackage(row: typeof seenPackageIds.$inferInsert): void {
    this.db.insert(seenPackageIds).values(row).run();
  }

  insert(row: HandoverImportRow): void {
    this.db.insert(handoverImports).values(row).run();
  }

  byId(id: string): HandoverImportRow | undefined {
    return this.db.select().from(handoverImports).where(eq(handoverImports.id, id)).get();
  }

  /**
   * Before a person received from a partner is erased: drops what the row says about them (the
   * sender's sections kept as origin history, the sender's case code, the consent's date and data
   * categories). The row stays, with an empty sender case code (ERASED_SENDER_CASE_CODE): its package
   * id keeps refusing a replay and the signed receipt can still be saved again.
   */
  forgetImportedPerson(personId: string): void {
    this.db
      .update(handoverImports)
      .set({ origin: null, senderCaseCode: ERASED_SENDER_CASE_CODE, consent: { givenOn: '', categories: [] } })
      .where(eq(handoverImports.personId, personId))
      .run();
  }

  ofPerson(personId: string): HandoverImportRow | undefined {
    return this.db.select().from(handoverImports).where(eq(handoverImports.personId, personId)).orderBy(desc(handoverImports.importedAt)).get();
  }

  all(): HandoverImportRow[] {
    return this.db.select().from(handoverImports).orderBy(desc(handoverImports.importedAt)).all();
  }

  counts(): { seenPackages: number; imports: number } {
    const seen = this.db.select({ n: sql<number>`count(*)` }).from(seenPackageIds).get()?.n ?? 0;
    const imports = this.db.select({ n: sql<number>`count(*)` }).from(handoverImports).get()?.n ?? 0;
    return { seenPackages: seen, imports };
  }
}

export class DirectoryEditsRepo {
  constructor(private readonly db: Db) {}

  all(): DirectoryEditRow[] {
    return this.db.select().from(directoryEdits).all();
  }

  /** Replaces every row (the edits are small: one row per touched contact). In the caller's transaction. */
  replaceAll(rows: DirectoryEditRow[]): void {
    this.db.delete(directoryEdits).run();
    for (let i = 0; i < rows.length; i += 200) this.db.insert(directoryEdits).values(rows.slice(i, i + 200)).run();
  }
}
