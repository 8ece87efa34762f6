/**
 * A folder of bench reports, one per department (so which file is a department's latest version does not
 * depend on the order the import happens to write them), copied into a fresh temporary folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixturesDir, readAnswers } from './shared.ts';

export function benchSubset(count: number, prefix: string): { dir: string; files: string[] } {
  const answers = readAnswers('bench');
  const seen = new Set<string>();
  const files: string[] = [];
  for (const name of Object.keys(answers).sort()) {
    const department = answers[name]!.department ?? name;
    if (seen.has(department)) continue;
    seen.add(department);
    files.push(name);
    if (files.length === count) break;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const name of files) fs.copyFileSync(path.join(fixturesDir, 'bench', name), path.join(dir, name));
  return { dir, files };
}
