/** AuditorApi: the office's own settings (its name, heading every printed document). */
import type { AuditorApi } from '../../shared/api.ts';
import type { Store } from '../store/store.ts';
import { ServiceError, guard } from './errors.ts';

const OFFICE_KEY = 'office';
const OFFICE_MAX_CHARS = 60;

/** The office's name: the reviewer's setting, else the one the app was started with (may be undefined). */
export async function officeName(store: Store, fallback: string | undefined): Promise<string | undefined> {
  return (await store.settings.get<string>(OFFICE_KEY))?.trim() || fallback?.trim() || undefined;
}

export function settingsApi(store: Store, fallbackOffice: string | undefined): Pick<AuditorApi, 'getSettings' | 'saveSettings'> {
  return {
    getSettings: () => guard(async () => ({ office: (await officeName(store, fallbackOffice)) ?? '' })),
    saveSettings: (input) =>
      guard(async () => {
        const office = input.office.trim();
        if (office.length > OFFICE_MAX_CHARS) throw new ServiceError('invalid', `机关名称不能超过 ${OFFICE_MAX_CHARS} 个字`);
        await store.settings.set(OFFICE_KEY, office);
        return { office: (await officeName(store, fallbackOffice)) ?? '' };
      }),
  };
}
