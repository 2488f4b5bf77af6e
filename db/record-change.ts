/** Who changed a versioned record, when, and the version it has after the change (electron/core/record-version.ts). */
export interface RecordChange {
  at: string;
  by: string;
  version: number;
}
