/** The pure parts of cross-border handover: schemas, reasons, fingerprints, names, checklists. */
export * from './attachment-name';
export * from './checklist.templates';
export * from './encoding';
export * from './fingerprint';
export * from './key-card.schema';
export * from './package.schema';
export * from './reasons';
