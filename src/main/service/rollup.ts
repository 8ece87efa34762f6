/** AuditorApi: the region roll-up of a year (汇总统计), from the same data the reviewer just checked. */
import type { AuditorApi } from '../../shared/api.ts';
import { loadYearRollup } from '../export/rollup.ts';
import type { Store } from '../store/store.ts';
import { guard } from './errors.ts';

export function rollupApi(store: Store): Pick<AuditorApi, 'rollup'> {
  return { rollup: (input) => guard(() => loadYearRollup(store, input.year)) };
}
