/** Locating ../shared (fixtures and spec) beside the checkout; tests skip with a reason when it is absent. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const sharedDir = path.resolve(repoRoot, '../shared');
export const fixturesDir = path.join(sharedDir, 'fixtures');
export const hasShared = existsSync(path.join(fixturesDir, 'cases', 'answers.json'));
export const skipWithoutShared = hasShared ? false : `../shared/fixtures not found beside the checkout (${sharedDir})`;

export interface FixtureAnswer {
  department?: string | null;
  year?: number;
  generation?: string;
  tables?: { active: (number | null)[] | null; requests: (number | null)[][] | null; review: (number | null)[] | null };
  expect_fail?: string[];
  expect_pass?: string[];
  note?: string;
}

export function readAnswers(folder: 'seeds' | 'cases' | 'bench' | 'web'): Record<string, FixtureAnswer> {
  return JSON.parse(readFileSync(path.join(fixturesDir, folder, 'answers.json'), 'utf8')) as Record<string, FixtureAnswer>;
}
