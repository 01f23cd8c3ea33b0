/**
 * Links from a page to its source file in the repository ("Edit this page").
 * The repository URL comes from site.config.mjs (REPOSITORY_URL); paths follow
 * GitHub's layout: <repo>/edit/<branch>/<file> and <repo>/commits/<branch>/<file>.
 */
import { posix } from 'node:path';

export const SOURCE_BRANCH = 'main';

export interface SourceLinks {
  edit: string;
  history: string;
}

/**
 * Links for a content file given relative to the project root (e.g.
 * "content/skills/redis.mdx"). Files outside the project (a test fixture
 * folder) have no place in the repository, so they get none.
 */
export function sourceLinks(repositoryUrl: string, filePath: string, branch = SOURCE_BRANCH): SourceLinks | undefined {
  const path = posix.normalize(filePath.replaceAll('\\', '/'));
  if (path.startsWith('../..') || path.startsWith('/') || /^[a-z]:/i.test(path)) return undefined;
  const repository = repositoryUrl.replace(/\/+$/, '');
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return { edit: `${repository}/edit/${branch}/${encoded}`, history: `${repository}/commits/${branch}/${encoded}` };
}
