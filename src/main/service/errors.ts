/** The service's error type and the guard that turns store errors into it. */
import { CodedError } from '../../shared/coded-error.ts';
import { StoreError } from '../store/store.ts';

/** An error the adapters turn into `{ ok: false, error: { code, message } }`. */
export class ServiceError extends CodedError {}

/** A non-empty trimmed string, or a ServiceError naming the field. */
export function required(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ServiceError('invalid', `${what}不能为空`);
  return value.trim();
}

/** Runs a call as the API's promise; store errors become ServiceErrors with their code. */
export async function guard<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof StoreError) throw new ServiceError(err.code, err.message);
    throw err;
  }
}
