import { codeToHtml } from 'shiki';
import { describe, expect, it } from 'vitest';
import { codeColourClasses, declarationClass } from './code-colour-classes.ts';
import { codeThemes } from './code-themes.ts';

const classes = codeColourClasses(codeThemes);
const highlight = (code: string, lang: string) =>
  codeToHtml(code, { lang, themes: codeThemes, defaultColor: false, transformers: [classes.transformer] });

describe('codeColourClasses', () => {
  it('leaves no style attribute in a highlighted block', async () => {
    const html = await highlight('SELECT id FROM users WHERE email = $1; -- one row', 'sql');
    expect(html).not.toContain('style=');
    expect(html).toMatch(/<span class="sl-[0-9a-f]+ sd-[0-9a-f]+">SELECT<\/span>/);
  });

  it('defines a CSS rule for every class it puts on a block', async () => {
    const html = await highlight('def handler(event):\n    """Docs."""\n    return {"status": 200}  # ok', 'python');
    const used = new Set(
      [...html.matchAll(/class="([^"]+)"/g)].flatMap((m) => m[1]!.split(' ')).filter((c) => /^s(?:b|fs|fw|td)?[a-z]-[a-z0-9]+$/.test(c)),
    );
    expect(used.size).toBeGreaterThan(4);
    for (const name of used) expect(classes.css).toContain(`.${name}{`);
  });

  it('drops token colours equal to the block colours, which the tokens inherit', async () => {
    const html = await highlight('plain words', 'text');
    expect(html).toContain('<span>plain words</span>');
    expect(html).toMatch(/<pre class="[^"]*\bsl-24292e\b[^"]*\bsbl-fff\b/);
  });

  it('maps each Shiki custom property to its own class, and nothing else', () => {
    expect(declarationClass('--shiki-dark', '#E1E4E8')).toBe('sd-e1e4e8');
    expect(declarationClass('--shiki-light-bg', '#fff')).toBe('sbl-fff');
    expect(declarationClass('--shiki-dark-font-style', 'italic')).toBe('sfsd-italic');
    expect(declarationClass('overflow-x', 'auto')).toBeUndefined();
  });

  it('stops the build on an inline style it cannot express as a class', async () => {
    const wrapped = codeToHtml('x', {
      lang: 'text',
      themes: codeThemes,
      defaultColor: false,
      transformers: [{ name: 'adds-style', pre: (node) => void (node.properties['style'] = 'overflow-x:auto') }, classes.transformer],
    });
    await expect(wrapped).rejects.toThrow(/inline style "overflow-x: auto", which the site's Content-Security-Policy blocks/);
  });
});
