/** Public API of the procedure engine (see engine.ts, track.schema.ts, checklist.ts). */
export * from './track.schema';
export * from './engine';
export * from './checklist';
