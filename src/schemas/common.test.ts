import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { REFERENCE_KEYWORD, reference } from './common.ts';

describe('reference()', () => {
  const skill = reference('skills');

  it('parses a slug to the { collection, id } that getEntry() takes', () => {
    expect(skill.parse('postgresql')).toEqual({ collection: 'skills', id: 'postgresql' });
  });

  it('reads a bare number, as YAML gives for `next: 2024`, as the slug it spells', () => {
    expect(reference('paths').parse(2024)).toEqual({ collection: 'paths', id: '2024' });
  });

  it('rejects anything else with a message that names the collection and what was found', () => {
    const result = z.object({ parent: skill }).safeParse({ parent: ['redis'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['parent', 'must be the slug of a page in content/skills/: its file name without .mdx; found a list'],
    ]);
  });

  it('marks its JSON Schema with the collection, for the scaffolder and the field reference', () => {
    const json = z.toJSONSchema(z.object({ parent: skill.describe('The parent skill.') }), { io: 'input' }) as {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(json.properties['parent']).toMatchObject({ [REFERENCE_KEYWORD]: 'skills', description: 'The parent skill.', type: ['string', 'number'] });
  });
});
