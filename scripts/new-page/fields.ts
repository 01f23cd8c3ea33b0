/**
 * The frontmatter fields of a collection, read from its zod schema through zod's
 * own JSON Schema conversion: names, descriptions (the schemas' `.describe()`),
 * required or not, defaults, allowed values and which collection a reference
 * points to. `npm run new` and the field reference in CONTRIBUTING.md use it, so
 * neither restates the schemas.
 */
import { z } from 'astro/zod';
import { REFERENCE_KEYWORD } from '../../src/schemas/common.ts';

export type FieldKind = 'text' | 'date' | 'boolean' | 'number' | 'choice' | 'text-list' | 'reference' | 'reference-list' | 'object-list';

export interface FieldInfo {
  name: string;
  description: string;
  required: boolean;
  kind: FieldKind;
  default?: unknown;
  /** For choice fields: the allowed values. */
  choices?: string[];
  /** For references: the collection whose slugs are allowed. */
  collection?: string;
  /** Length limits of text, or item limits of lists. */
  min?: number;
  max?: number;
  pattern?: string;
  /** A JSON Schema format, e.g. "uri" for a web address. */
  format?: string;
  /** For lists of objects (a role's skills, sources): the fields of each item. */
  items?: FieldInfo[];
}

type JsonSchema = {
  type?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  [REFERENCE_KEYWORD]?: string;
};

function describe(name: string, schema: JsonSchema, required: boolean): FieldInfo {
  const description = schema.description ?? '';
  const field: FieldInfo = { name, description, required, kind: 'text' };
  if (schema.default !== undefined) field.default = schema.default;
  if (schema.pattern) field.pattern = schema.pattern;
  if (schema.format) field.format = schema.format;
  // src/schemas/common.ts marks each reference field with the collection it points to.
  const collection = schema[REFERENCE_KEYWORD];
  if (collection) {
    field.kind = 'reference';
    field.collection = collection;
  } else if (schema.anyOf?.some((option) => option.format === 'date')) {
    field.kind = 'date';
  } else if (schema.enum) {
    field.kind = 'choice';
    field.choices = schema.enum.map(String);
  } else if (schema.type === 'boolean') {
    field.kind = 'boolean';
  } else if (schema.type === 'integer' || schema.type === 'number') {
    field.kind = 'number';
  } else if (schema.type === 'array') {
    const items = schema.items ?? {};
    const itemCollection = items[REFERENCE_KEYWORD];
    if (itemCollection) {
      field.kind = 'reference-list';
      field.collection = itemCollection;
    } else if (items.type === 'object') {
      field.kind = 'object-list';
      field.items = objectFields(items);
    } else field.kind = 'text-list';
    if (schema.minItems !== undefined) field.min = schema.minItems;
    if (schema.maxItems !== undefined) field.max = schema.maxItems;
  } else if (schema.anyOf) {
    field.kind = 'text'; // e.g. a source's edition: text, or a bare year or date
  }
  if (schema.minLength !== undefined) field.min = schema.minLength;
  if (schema.maxLength !== undefined) field.max = schema.maxLength;
  return field;
}

function objectFields(schema: JsonSchema): FieldInfo[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {})
    .filter(([name]) => name !== '$schema')
    .map(([name, property]) => describe(name, property, required.has(name)));
}

/** The fields of a collection schema, in the order the schema declares them. */
export function describeFields(schema: z.ZodType): FieldInfo[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return objectFields(json);
}
