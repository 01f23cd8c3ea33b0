import { describe, expect, it } from 'vitest';
import { element, Fragment, Html, jsx, renderChildren } from './html.ts';

describe('the HTML JSX runtime', () => {
  it('escapes text and attribute values, and never escapes its own markup twice', () => {
    const html = element('a', { href: '/q?a=1&b="2"', title: "it's" }, ['<script>', element('b', {}, 'x & y')]).value;
    expect(html).toBe('<a href="/q?a=1&amp;b=&quot;2&quot;" title="it&#39;s">&lt;script&gt;<b>x &amp; y</b></a>');
  });

  it('writes void elements without a closing tag, boolean attributes bare, and leaves out empty ones', () => {
    expect(element('img', { src: '/a.png', alt: '', hidden: true, loading: undefined, title: null, draggable: false }).value).toBe(
      '<img src="/a.png" alt="" hidden>',
    );
  });

  it('flattens nested children and drops null, undefined and booleans, as JSX does', () => {
    expect(renderChildren(['a', null, [1, [undefined, false, true, new Html('<i>b</i>')]]])).toBe('a1<i>b</i>');
  });

  it('renders fragments, components and elements the way MDX calls jsx()', () => {
    const Shout = (props: { children?: unknown }) => element('strong', {}, props.children as string);
    expect(jsx(Fragment, { children: [jsx('em', { children: 'hi' }), jsx(Shout as never, { children: 'there' })] }).value).toBe(
      '<em>hi</em><strong>there</strong>',
    );
    expect(jsx('ul', { class: ['a', 'b'], children: jsx('li', { children: 'x' }) }).value).toBe('<ul class="a b"><li>x</li></ul>');
  });
});
