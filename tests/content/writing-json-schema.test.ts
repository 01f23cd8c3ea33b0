/**
 * The JSON Schemas that give writers frontmatter completion and errors in VS Code
 * are the ones Astro generates from the zod schemas during sync
 * (.astro/collections/<collection>.schema.json). Validated here the way the YAML
 * language server reads frontmatter (YAML 1.2: an unquoted date is text), they
 * accept every real page and reject the mistakes in the bad fixtures.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../../src/lib/content/collections';
import { readContentFiles } from '../support/content-files';
import { privateProjectCopy } from '../support/dev-server';
import { copyFixture, editFile, ROOT } from '../support/fixture-build';

const validators = new Map<string, ValidateFunction>();
const schemas = new Map<string, Record<string, unknown>>();

/** Frontmatter as the YAML language server sees it (YAML 1.2 core schema). */
const frontmatter = (file: string) => parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'))![1]!) as Record<string, unknown>;
const describeErrors = (errors: ErrorObject[] | null | undefined) => (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);

beforeAll(() => {
  // Astro writes the schemas during sync; a private copy keeps this run from touching the tree's .astro/.
  const root = privateProjectCopy();
  const sync = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['sync'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ATLAS_CONTENT_DIR: join(ROOT, 'content'), ATLAS_CACHE_DIR: join(root, 'cache/'), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (sync.status !== 0) throw new Error(`astro sync failed:\n${sync.stdout}${sync.stderr}`);
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const collection of COLLECTION_NAMES) {
    const schema = JSON.parse(readFileSync(join(root, '.astro/collections', `${collection}.schema.json`), 'utf8')) as Record<string, unknown>;
    schemas.set(collection, schema);
    validators.set(collection, ajv.compile(schema));
  }
}, 180_000);

describe('the JSON Schemas Astro generates for the editor', () => {
  it('accept the frontmatter of every real page', () => {
    const rejected = readContentFiles().flatMap((file) => {
      const validate = validators.get(file.collection)!;
      return validate(frontmatter(join(ROOT, file.file))) ? [] : [`${file.file}: ${describeErrors(validate.errors).join('; ')}`];
    });
    expect(rejected).toEqual([]);
  });

  it('give every field the help text from its zod schema', () => {
    for (const [collection, schema] of schemas) {
      const properties = Object.entries(schema['properties'] as Record<string, { description?: string }>).filter(([name]) => name !== '$schema');
      const undocumented = properties.filter(([, property]) => !property.description).map(([name]) => `${collection}.${name}`);
      expect(undocumented).toEqual([]);
    }
    const skills = schemas.get('skills')!['properties'] as Record<string, { description?: string }>;
    expect(skills['title']!.description).toBe('Page title, shown as the h1 and in the browser tab (3–70 characters).');
  });

  it('reject each schema mistake in the bad fixture, at its field', () => {
    const validate = validators.get('roles')!;
    expect(validate(frontmatter(join(ROOT, 'tests/fixtures/check-bad/roles/schema-problems.mdx')))).toBe(false);
    const errors = describeErrors(validate.errors);
    expect(errors).toEqual(
      expect.arrayContaining([
        '/description must NOT have fewer than 50 characters',
        '/order must be integer',
        '/skills/0/level must be equal to one of the allowed values',
        '/ must NOT have additional properties',
      ]),
    );
    expect(validate.errors!.find((error) => error.keyword === 'additionalProperties')!.params).toEqual({ additionalProperty: 'relatedRole' });
  });

  it.each([
    ['a missing required field', (t: string) => t.replace(/^title: .*\n/m, ''), "/ must have required property 'title'"],
    ['a value outside the closed list', (t: string) => t.replace('category: databases', 'category: database'), '/category must be equal to one of the allowed values'],
    ['a date that is not YYYY-MM-DD', (t: string) => t.replace('updated: 2026-11-26', 'updated: 26/11/2026'), '/updated must match format "date"'],
    ['a misspelt field', (t: string) => t.replace('aliases:', 'alias:'), '/ must NOT have additional properties'],
    ['a source without its edition', (t: string) => t.replace(/^category: databases$/m, 'category: databases\nsources:\n  - { title: A report, publisher: A publisher, url: "https://example.org" }'), "/sources/0 must have required property 'edition'"],
  ])('reject %s in a broken copy of the basic fixture', (_, edit, expected) => {
    const content = copyFixture();
    editFile(content, 'skills/postgresql.mdx', edit);
    const validate = validators.get('skills')!;
    expect(validate(frontmatter(join(content, 'skills/postgresql.mdx')))).toBe(false);
    expect(describeErrors(validate.errors)).toContain(expected);
  });
});
