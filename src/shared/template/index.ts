/** The report template: part titles, the three tables per generation, cell addresses and their names. */
export * from './tables.ts';
export * from './cells.ts';
export * from './labels.ts';
