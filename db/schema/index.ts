export * from './organisation.table';
export * from './users.table';
export * from './settings.table';
export * from './audit.table';
