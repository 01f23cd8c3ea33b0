/**
 * The static JSON API under /api/: every file validates against the published
 * JSON Schema, and the data equals the content as writers wrote it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { citedSourceUrls, publishedContent } from '../support/content-files';
import { DIST, distFiles } from '../support/dist';

const SITE = 'https://backend-atlas.example.org';
const COLLECTIONS = ['guides', 'roles', 'responsibilities', 'skills', 'paths'];
const content = publishedContent();
const read = (file: string) => JSON.parse(readFileSync(join(DIST, file), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const apiFiles = distFiles().filter((file) => file.startsWith('api/') && file.endsWith('.json'));
const isoDate = (value: unknown) => new Date(value as string).toISOString().slice(0, 10);
const ids = (links: { id: string }[]) => links.map((link) => link.id);

describe('the JSON API', () => {
  it('has an index, a file per collection, a file per entry and the schema', () => {
    const expected = [
      'api/index.json',
      'api/schema.json',
      ...COLLECTIONS.map((c) => `api/${c}.json`),
      ...content.map((e) => `api/${e.collection}/${e.id}.json`),
    ];
    expect(apiFiles.sort()).toEqual(expected.sort());
  });

  it('validates every file against the published JSON Schema', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(read('api/schema.json'));
    for (const file of apiFiles.filter((f) => f !== 'api/schema.json')) {
      const data = read(file);
      expect(data['$schema'], file).toBe(`${SITE}/api/schema.json`);
      const ok = validate(data);
      expect(ok ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`), file).toEqual([]);
    }
  });

  it('lists every published entry of each collection with its frontmatter title, description and date', () => {
    for (const collection of COLLECTIONS) {
      const list = read(`api/${collection}.json`);
      const entries = content.filter((e) => e.collection === collection);
      expect(list['count']).toBe(entries.length);
      const byId = new Map((list['items'] as { id: string }[]).map((item) => [item.id, item]));
      expect([...byId.keys()].sort(), collection).toEqual(entries.map((e) => e.id).sort());
      for (const entry of entries) {
        expect(byId.get(entry.id), entry.file).toMatchObject({
          title: entry.data['title'],
          description: entry.data['description'],
          updated: isoDate(entry.data['updated']),
          url: `${SITE}/${collection}/${entry.id}/`,
          api: `${SITE}/api/${collection}/${entry.id}.json`,
        });
      }
    }
    expect(read('api/index.json')['collections'].map((c: { count: number }) => c.count)).toEqual(
      COLLECTIONS.map((c) => content.filter((e) => e.collection === c).length),
    );
  });

  it('gives each entry its frontmatter references, resolved to the same ids', () => {
    for (const entry of content) {
      const data = read(`api/${entry.collection}/${entry.id}.json`);
      const fm = entry.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(data['aliases'], entry.file).toEqual(fm['aliases'] ?? []);
      expect(
        data['sources'].map((s: { url: string }) => s.url),
        entry.file,
      ).toEqual(citedSourceUrls(entry));
      switch (entry.collection) {
        case 'roles':
          expect(
            data['skills'].map((s: { skill: { id: string }; level: string }) => [s.skill.id, s.level]),
            entry.file,
          ).toEqual(fm['skills'].map((s: { skill: string; level: string }) => [s.skill, s.level]));
          expect(ids(data['responsibilities'])).toEqual(fm['responsibilities']);
          expect(ids(data['paths'])).toEqual(fm['paths'] ?? []);
          expect(data['onetSoc']).toBe(fm['onetSoc']);
          {
            // The learning path has every listed skill once, each after the skills it builds on.
            // The role's server language, if it names several, is one step: choose one of them.
            const steps = data['learningPath'] as { skill: { id: string }; reason: string; after: string[]; oneOf?: string[] }[];
            const order = steps.map((step) => step.skill.id);
            const listed = fm['skills'].map((s: { skill: string }) => s.skill) as string[];
            const languages = fm['languages'] as { level: string; from: string[] } | undefined;
            const choices = steps.filter((step) => step.oneOf);
            expect(
              choices.map((step) => [step.oneOf, step.reason]),
              entry.file,
            ).toEqual(languages ? [[languages.from.filter((id) => !listed.includes(id)), languages.level]] : []);
            expect(new Set(order).size, entry.file).toBe(order.length);
            for (const id of listed) expect(order, entry.file).toContain(id);
            for (const step of steps.filter((step) => !step.oneOf)) {
              expect(listed.includes(step.skill.id), `${entry.file}: ${step.skill.id}`).toBe(step.reason !== 'prerequisite');
              for (const before of step.after)
                expect(order.indexOf(before), `${entry.file}: ${before} before ${step.skill.id}`).toBeLessThan(order.indexOf(step.skill.id));
            }
          }
          break;
        case 'skills':
          expect(data['category']).toBe(fm['category']);
          expect(data['parent']?.id).toBe(fm['parent']);
          expect(ids(data['prerequisites'])).toEqual(fm['prerequisites'] ?? []);
          // Derived: the roles whose frontmatter lists this skill, or names it among its languages.
          expect(data['neededBy'].map((n: { role: { id: string } }) => n.role.id).sort(), entry.file).toEqual(
            content
              .filter(
                (e) =>
                  e.collection === 'roles' &&
                  ((e.data['skills'] as { skill: string }[]).some((s) => s.skill === entry.id) ||
                    ((e.data['languages'] as { from: string[] } | undefined)?.from.includes(entry.id) ?? false)),
              )
              .map((e) => e.id)
              .sort(),
          );
          break;
        case 'responsibilities':
          expect(ids(data['skills'])).toEqual(fm['skills'] ?? []);
          break;
        case 'paths':
          expect(data['kind']).toBe(fm['kind']);
          expect(ids(data['next'])).toEqual(fm['next'] ?? []);
          break;
        case 'guides':
          expect(data['section']).toBe(fm['section']);
          break;
      }
    }
  });
});
