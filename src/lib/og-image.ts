/**
 * Open Graph images, drawn at build time: satori lays the card out and turns its
 * text into vector paths (with Inter from npm, so no system font and no network is
 * involved), then sharp rasterises that SVG to a small palette PNG.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** What one card says. */
export interface OgCard {
  /** The page title, drawn large. */
  title: string;
  /** The collection or view, drawn above the title, e.g. "Skill · Database systems". */
  kicker: string;
  /** The page address without the scheme, drawn at the bottom, e.g. "example.org/skills/redis/". */
  address: string;
}

/** Card colours: the site's dark theme tokens (tokens.css), every text colour ≥ 4.5:1 on the background. */
const COLOURS = { background: '#10151c', raised: '#1c2530', text: '#f4f6f9', muted: '#aab3bf', accent: '#7cb8ff' };

// Fonts, satori and sharp are loaded from the project's node_modules at run time, not
// bundled: the build runs bundled code from a scratch folder, and sharp is a native module.
const requireFromRoot = createRequire(join(process.cwd(), 'package.json'));
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;
function loadFonts() {
  fonts ??= ([400, 700] as const).map((weight) => ({
    name: 'Inter',
    data: readFileSync(requireFromRoot.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`)),
    weight,
    style: 'normal' as const,
  }));
  return fonts;
}

/** Title size that keeps long titles to three lines. */
export function titleFontSize(title: string): number {
  if (title.length <= 28) return 80;
  if (title.length <= 48) return 68;
  return 56;
}

type Node = { type: string; props: Record<string, unknown> };
const h = (type: string, style: Record<string, unknown>, children?: unknown, extra: Record<string, unknown> = {}): Node => ({
  type,
  props: { style, ...extra, ...(children === undefined ? {} : { children }) },
});

/** A small drawing of linked nodes, the site's "connected map" motif. */
const MOTIF = `<svg xmlns="http://www.w3.org/2000/svg" width="260" height="260" viewBox="0 0 260 260" fill="none">
<g stroke="${COLOURS.accent}" stroke-width="6" stroke-linecap="round" opacity="0.55">
<path d="M50 200 L130 120 L210 60 M130 120 L210 190 M50 200 L210 190"/></g>
<g fill="${COLOURS.background}" stroke="${COLOURS.accent}" stroke-width="8">
<circle cx="50" cy="200" r="22"/><circle cx="130" cy="120" r="28"/><circle cx="210" cy="60" r="22"/><circle cx="210" cy="190" r="18"/></g>
</svg>`;

/** The card as the element tree satori lays out. */
export function ogCardTree(card: OgCard, siteName: string): Node {
  return h(
    'div',
    {
      width: '100%',
      height: '100%',
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '64px 72px',
      background: COLOURS.background,
      borderTop: `16px solid ${COLOURS.accent}`,
      fontFamily: 'Inter',
      color: COLOURS.text,
    },
    [
      h('img', { position: 'absolute', right: 64, bottom: 56, width: 240, height: 240 }, undefined, {
        src: `data:image/svg+xml;base64,${Buffer.from(MOTIF).toString('base64')}`,
        width: 240,
        height: 240,
      }),
      h('div', { display: 'flex', fontSize: 34, fontWeight: 700, color: COLOURS.text }, siteName),
      h('div', { display: 'flex', flexDirection: 'column', maxWidth: 880 }, [
        h('div', { display: 'flex', fontSize: 30, fontWeight: 700, color: COLOURS.accent, letterSpacing: 1, textTransform: 'uppercase' }, card.kicker),
        h(
          'div',
          { display: 'block', marginTop: 20, fontSize: titleFontSize(card.title), fontWeight: 700, lineHeight: 1.12, lineClamp: 3 },
          card.title,
        ),
      ]),
      h('div', { display: 'flex', fontSize: 26, color: COLOURS.muted }, card.address),
    ],
  );
}

/** The card as SVG, all text converted to paths. */
export async function ogCardSvg(card: OgCard, siteName: string): Promise<string> {
  // Loaded on first use: pages import this module for OG_WIDTH/OG_HEIGHT only.
  const satori = (requireFromRoot('satori') as typeof import('satori')).default;
  return satori(ogCardTree(card, siteName) as never, { width: OG_WIDTH, height: OG_HEIGHT, fonts: loadFonts() });
}

/**
 * The card as a PNG of OG_WIDTH × OG_HEIGHT pixels: 16 colours without dithering
 * keeps antialiased text clean and files around 15 KB. With `cacheDir`, the PNG of
 * an SVG seen before is reused, keyed by the SVG's hash, so only changed cards are
 * rasterised again.
 */
export async function renderOgImage(card: OgCard, siteName: string, cacheDir?: string): Promise<Uint8Array<ArrayBuffer>> {
  const svg = await ogCardSvg(card, siteName);
  const cached = cacheDir && join(resolve(cacheDir), `${createHash('sha256').update(svg).digest('hex').slice(0, 32)}.png`);
  if (cached) {
    try {
      return new Uint8Array(readFileSync(cached));
    } catch {
      // Not rendered yet.
    }
  }
  const sharp = requireFromRoot('sharp') as (typeof import('sharp'))['default'];
  const png = new Uint8Array(await sharp(Buffer.from(svg)).png({ palette: true, colours: 16, dither: 0, effort: 1, compressionLevel: 9 }).toBuffer());
  if (cached) {
    mkdirSync(resolve(cacheDir), { recursive: true });
    writeFileSync(cached, png);
  }
  return png;
}
