/** Scoring: rubric (versioned JSON) + findings → score, grade, deduction lines. */
import { CHECK_IDS } from '../checks/index.ts';
import type { CheckOptions } from '../checks/types.ts';
import { parseRubric as parseRubricWith, type Rubric } from './rubric.ts';

export { scoreReport, describeRule, type ScoreInput } from './score.ts';
export { RubricError, defaultRubric, defaultRubricJson, validateRubric, type DeductionRule, type Rubric, type RubricCheck, type RubricDimension, type Grade } from './rubric.ts';

/** Parses rubric JSON text and checks every check id against the catalogue; throws RubricError. */
export function parseRubric(jsonText: string): Rubric {
  return parseRubricWith(jsonText, CHECK_IDS);
}

/** The check options a rubric carries (default deadlines). */
export function checkOptionsFromRubric(rubric: Rubric): Pick<CheckOptions, 'deadlines'> {
  return { deadlines: { ...rubric.deadline } };
}
