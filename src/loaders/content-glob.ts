import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { findDateProblems } from '../lib/frontmatter-dates.ts';
import { SLUG_PATTERN } from '../schemas/common.ts';

/** Path of a content file relative to the project, as writers see it. */
const shown = (path: string) => relative(process.cwd(), isAbsolute(path) ? path : resolve(path));

/**
 * Astro's glob loader for one collection folder of MDX files, plus the checks
 * it does not make: every file name is a valid URL slug, no two files claim
 * the same slug, and dates are real calendar dates as typed (a YAML parser
 * silently turns 2026-13-45 into 2027-02-14).
 */
export function contentGlob(folder: string): Loader {
  const claimed = new Map<string, string>();
  const inner = glob({
    pattern: '*.mdx',
    base: folder,
    generateId: ({ entry }) => {
      const id = entry.replace(/\.mdx$/, '').toLowerCase();
      const file = `${folder}/${entry}`;
      const owner =
        claimed.get(id) ??
        readdirSync(folder)
          .filter((name) => name !== entry && name.toLowerCase() === entry.toLowerCase())
          .map((name) => `${folder}/${name}`)[0];
      if (owner && owner !== file) {
        throw new Error(
          `Two files claim the URL slug "${id}": ${shown(owner)} and ${shown(file)}. Each page needs its own file name; rename or merge one of them.`,
        );
      }
      claimed.set(id, file);
      if (!SLUG_PATTERN.test(entry.replace(/\.mdx$/, ''))) {
        const suggestion = id.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
        throw new Error(
          `${shown(file)}: the file name becomes the page URL, so it must be lower-case words joined by hyphens. Rename it to ${suggestion}.mdx.`,
        );
      }
      return id;
    },
  });
  return {
    ...inner,
    name: 'backend-atlas-content',
    load: (context) =>
      inner.load({
        ...context,
        parseData: async (props) => {
          if (props.filePath) {
            const problems = findDateProblems(await readFile(resolve(props.filePath), 'utf8'));
            if (problems.length > 0) {
              throw new Error(problems.map((p) => `${shown(props.filePath!)}:${p.line}: field "${p.field}": ${p.message}`).join('\n'));
            }
          }
          return context.parseData(props);
        },
      }),
  };
}
