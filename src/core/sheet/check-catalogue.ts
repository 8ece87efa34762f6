/**
 * Check texts for the printed documents: caller overrides → the check registry's meta → the catalogue
 * in src/shared/check-catalogue.ts (shared with the renderer).
 */
import { findCheck } from '../checks/index.ts';
import { DEFAULT_CHECKS, type CheckInfo, type CheckInfoMap } from '../../shared/check-catalogue.ts';

export { DEFAULT_CHECKS, DIMENSION_ORDER, UNSCORED_DIMENSION, type CheckInfo, type CheckInfoMap } from '../../shared/check-catalogue.ts';

/** Title, dimension and rule text of one check (caller → registry → built-in). */
export function checkInfo(id: string, overrides?: CheckInfoMap): CheckInfo {
  const base = DEFAULT_CHECKS[id];
  const registry = findCheck(id)?.meta;
  const over = overrides?.[id];
  return {
    title: over?.title ?? registry?.title ?? base?.title ?? id,
    dimension: over?.dimension ?? base?.dimension,
    docs: over?.docs ?? (registry?.docs || undefined) ?? base?.docs,
  };
}
