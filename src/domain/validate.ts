// Small, pure input checks shared by commands. Each throws a ValidationError naming the field.
import { ValidationError } from '../errors.ts';

export function requiredText(field: string, value: string | null | undefined, max = 200): string {
  const text = (value ?? '').trim();
  if (!text) throw new ValidationError(field, 'must not be empty');
  if (text.length > max) throw new ValidationError(field, `must be at most ${max} characters (got ${text.length})`);
  return text;
}

export function optionalText(field: string, value: string | null | undefined, max = 10_000): string | null {
  if (value === null || value === undefined) return null;
  if (value.length > max) throw new ValidationError(field, `must be at most ${max} characters (got ${value.length})`);
  return value;
}

// Deliberately simple: one @, no spaces, a dot in the domain. Mail servers decide the rest.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function email(field: string, value: string | null | undefined): string {
  const text = requiredText(field, value, 254).toLowerCase();
  if (!EMAIL.test(text)) throw new ValidationError(field, `"${text}" is not an email address`);
  return text;
}

/** Serializes a JSON value for a TEXT column, refusing huge payloads. */
export function jsonText(field: string, value: unknown, maxBytes = 256 * 1024): string {
  const text = JSON.stringify(value ?? null);
  if (Buffer.byteLength(text) > maxBytes) throw new ValidationError(field, `must serialize to at most ${maxBytes} bytes`);
  return text;
}

export function positiveInt(field: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1) throw new ValidationError(field, 'must be a positive whole number');
  return value;
}
