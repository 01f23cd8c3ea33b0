import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { findDateProblems } from '../lib/frontmatter-dates.ts';

/**
 * Astro's glob loader for one collection folder of MDX files, plus the checks
 * a YAML parser cannot make: a date literal that is not a real calendar date.
 */
export function contentGlob(folder: string): Loader {
  const inner = glob({ pattern: '*.mdx', base: folder });
  return {
    ...inner,
    name: 'backend-atlas-content',
    load: (context) =>
      inner.load({
        ...context,
        parseData: async (props) => {
          if (props.filePath) {
            const absolute = isAbsolute(props.filePath) ? props.filePath : resolve(props.filePath);
            const problems = findDateProblems(await readFile(absolute, 'utf8'));
            if (problems.length > 0) {
              const shown = relative(process.cwd(), absolute);
              throw new Error(
                problems.map((p) => `${shown}:${p.line}: field "${p.field}": ${p.message}`).join('\n'),
              );
            }
          }
          return context.parseData(props);
        },
      }),
  };
}
