import { element } from '../../lib/article/html.ts';
import type { ArticleComponent } from './context.ts';

/** A boxed summary list for the end (or start) of an article. Styles: src/styles/article-components.css. */
export const KeyTakeaways: ArticleComponent<{ title?: string }> = ({ title = 'Key takeaways', children }) =>
  element('aside', { class: 'takeaways', 'aria-label': title }, [element('p', { class: 'takeaways-title' }, element('strong', {}, title)), children]);
