import { escapeHtml, Html } from '../../lib/article/html.ts';
import { loadRegistry } from '../../lib/content/registry.ts';
import type { ArticleComponent } from './context.ts';

/**
 * A value that goes stale (a figure, a version, an edition), written once in content/facts.yaml
 * and shown here as plain text: `<Fact id="bls-software-developers-median-pay" />`. Its source
 * joins the page's sources. An id that does not exist stops the build at its line
 * (src/lib/article/writer-checks.ts).
 */
export const Fact: ArticleComponent<{ id: string }> = ({ id }) => {
  const fact = loadRegistry().facts.get(id);
  if (!fact) throw new Error(`<Fact id="${id}">: there is no such fact in content/facts.yaml.`);
  return new Html(escapeHtml(fact.value));
};
