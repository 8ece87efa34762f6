/** Display labels of the three tables and titles of the checks: the shared catalogue, for the renderer. */
import { checkInfo } from '../shared/check-catalogue.ts';

export * from '../shared/template/index.ts';
export { DEFAULT_CHECKS as CHECK_TITLES, DIMENSION_ORDER, UNSCORED_DIMENSION, type CheckInfo as CheckTitle } from '../shared/check-catalogue.ts';

export function checkTitle(id: string): string {
  return checkInfo(id).title;
}
