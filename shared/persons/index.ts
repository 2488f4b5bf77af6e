/** Public API of person records (schemas, minor status, case codes, search folding, legal references). */
export * from './person.schema';
export * from './procedure.schema';
export * from './consent.schema';
export * from './attachment.schema';
export * from './minor-status';
export * from './case-code';
export * from './search-text';
export * from './exploitation';
export * from './iso-codes';
export * from './person-detail.schema';
