import { element } from '../../lib/article/html.ts';
import type { ArticleComponent } from './context.ts';

const LABELS = { note: 'Note', tip: 'Tip', warning: 'Warning' } as const;

/** A highlighted aside in an article: a note, a tip or a warning. Styles: src/styles/article-components.css. */
export const Callout: ArticleComponent<{ type?: keyof typeof LABELS; title?: string }> = ({ type = 'note', title, children }) => {
  if (!(type in LABELS)) throw new Error(`<Callout type="${type}">: use one of: ${Object.keys(LABELS).join(', ')}.`);
  const label = title ?? LABELS[type];
  return element('aside', { class: `callout callout-${type}`, 'aria-label': label }, [
    element('p', { class: 'callout-title' }, element('strong', {}, label)),
    children,
  ]);
};
