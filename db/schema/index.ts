export * from './organisation.table';
export * from './users.table';
export * from './settings.table';
export * from './audit.table';
export * from './persons.table';
export * from './attachments.table';
export * from './procedure.table';
export * from './consents.table';
