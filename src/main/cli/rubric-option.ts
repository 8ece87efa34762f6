/** `--rubric FILE`: the office's own rubric, validated with a clear error naming the field. */
import { readFileSync } from 'node:fs';
import { defaultRubric, parseRubricJson, type Rubric } from '../engine.ts';

export class CliError extends Error {}

export function loadRubricOption(file: string | undefined): Rubric {
  if (!file) return defaultRubric();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`无法读取评分规则文件 ${file}：${(e as Error).message}`);
  }
  try {
    return parseRubricJson(text);
  } catch (e) {
    throw new CliError(`评分规则文件 ${file} 无效：${(e as Error).message}`);
  }
}
