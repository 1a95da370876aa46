import type { NameParts } from './split-name';
import type { CapturedField, FoundFields } from './types';

export const noFields = (): FoundFields => ({ fields: {}, from: {} });

/** Sets a field unless it is already set; `override` is for what the person pointed at. */
export function put(
  found: FoundFields,
  key: CapturedField,
  value: string | undefined,
  from: string,
  override = false,
): void {
  if (!value || (found.fields[key] && !override)) return;
  found.fields[key] = value;
  found.from[key] = from;
}

/** First and last name travel together: one source's first name never sits beside another's surname. */
export function putName(
  found: FoundFields,
  name: NameParts | undefined,
  from: string,
  override = false,
): void {
  if (!name?.firstName) return;
  if (!override && (found.fields.firstName || found.fields.lastName)) return;
  for (const key of ['firstName', 'lastName'] as const) {
    delete found.fields[key];
    delete found.from[key];
  }
  put(found, 'firstName', name.firstName, from);
  put(found, 'lastName', name.lastName, from);
}

/** Adds what `extra` found to `found`, keeping what `found` already had unless told to override. */
export function mergeFound(found: FoundFields, extra: FoundFields, override = false): void {
  putName(
    found,
    { firstName: extra.fields.firstName, lastName: extra.fields.lastName },
    extra.from.firstName ?? '',
    override,
  );
  for (const key of ['email', 'phone', 'dateOfBirth', 'notes'] as const) {
    put(found, key, extra.fields[key], extra.from[key] ?? '', override);
  }
}
