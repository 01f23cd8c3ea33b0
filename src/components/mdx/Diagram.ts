import { element, Html } from '../../lib/article/html.ts';
import type { DiagramData } from '../../lib/article/writer-checks.ts';

/**
 * A ```mermaid diagram, drawn when the article was rendered (src/lib/article/diagram.ts):
 * a figure with its caption, the SVG in a box that scrolls sideways on a narrow screen
 * (focusable, so a keyboard can scroll it), and the same content as a list under a
 * disclosure. The SVG is left out of the search index; the list is indexed.
 */
export function Diagram({ diagram, number }: { diagram: DiagramData['diagrams'][number]; number: number }): Html {
  const captionId = `diagram-${number + 1}-caption`;
  // The caption comes first: HTML allows a figcaption only as the first or last child, and the text
  // alternative belongs right after the drawing it describes.
  return element('figure', { class: 'diagram', 'data-diagram': diagram.kind }, [
    element('figcaption', { id: captionId }, diagram.caption),
    element(
      'div',
      { class: 'diagram-scroll', tabindex: '0', role: 'group', 'aria-labelledby': captionId, 'data-pagefind-ignore': true },
      new Html(diagram.svg),
    ),
    element('details', { class: 'diagram-text' }, [
      element('summary', {}, ['The diagram as text ', element('span', { class: 'diagram-summary' }, `(${diagram.summary})`)]),
      new Html(diagram.text),
    ]),
  ]);
}
