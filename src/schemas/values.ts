/** Field values every schema shares: slugs, dates, and how a wrong value is described. */
import { z } from 'astro/zod';

/** A slug-safe id: lower-case words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "; found …" for an error message, naming the value the writer wrote and its type. */
export function found(input: unknown): string {
  if (input === undefined) return '';
  if (typeof input === 'string') return `; found the text "${input}"`;
  if (Array.isArray(input)) return '; found a list';
  if (input === null) return '; found an empty value';
  if (typeof input === 'object') return '; found a group of fields';
  return `; found ${String(input)}`;
}

const DATE_MESSAGE = 'must be a date written as YYYY-MM-DD, e.g. 2026-11-26';

/**
 * A calendar date. YAML reads an unquoted 2026-11-26 as a date and a quoted one as text;
 * both are accepted. (Written as a union rather than z.coerce.date() so that the editor's
 * JSON Schema accepts a plain YYYY-MM-DD instead of demanding a full date-time.)
 */
export const calendarDate = () =>
  z.union([z.date({ error: DATE_MESSAGE }), z.iso.date({ error: DATE_MESSAGE })], { error: DATE_MESSAGE }).transform((value) => new Date(value));
