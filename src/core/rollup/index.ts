export { rollUp, exclusionReason, type Rollup, type RollupMember, type RollupExclusion, type RollupTables, type CellContribution } from './rollup.ts';
export { regionMember, rollupArithmetic, compareWithRollup, type RegionDifference } from './region.ts';
