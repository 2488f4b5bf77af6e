/** The contact-point directory: schema, seed data from brochure §5, merge with user edits. */
export * from './contact.schema';
export * from './merge';
export { DIRECTORY_SEED } from './seed.data';
