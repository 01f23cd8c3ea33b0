/**
 * Open Graph images, drawn at build time: satori lays the card out and turns its
 * text into vector paths (with Inter from npm, so no system font and no network is
 * involved), then sharp rasterises that SVG to a small palette PNG.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

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

/**
 * A path of three linked nodes, the site's "connected map" motif, drawn with plain
 * boxes: an embedded SVG image would more than double the time to rasterise a card.
 */
function motif(): Node {
  const node = (filled: boolean) =>
    h('div', {
      width: 34,
      height: 34,
      borderRadius: '50%',
      border: `7px solid ${COLOURS.accent}`,
      background: filled ? COLOURS.accent : COLOURS.background,
    });
  const link = () => h('div', { width: 56, height: 7, background: COLOURS.accent, opacity: 0.55 });
  return h('div', { display: 'flex', alignItems: 'center' }, [node(false), link(), node(false), link(), node(true)]);
}

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
      h('div', { display: 'flex', justifyContent: 'space-between', alignItems: 'center' }, [
        h('div', { display: 'flex', fontSize: 34, fontWeight: 700, color: COLOURS.text }, siteName),
        motif(),
      ]),
      h('div', { display: 'flex', flexDirection: 'column', maxWidth: 1000 }, [
        h(
          'div',
          { display: 'flex', fontSize: 30, fontWeight: 700, color: COLOURS.accent, letterSpacing: 1, textTransform: 'uppercase' },
          card.kicker,
        ),
        h(
          'div',
          { display: 'block', marginTop: 20, fontSize: titleFontSize(card.title), fontWeight: 700, lineHeight: 1.12, lineClamp: 3 },
          card.title,
        ),
      ]),
      h(
        'div',
        { display: 'block', fontSize: 26, color: COLOURS.muted, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
        card.address,
      ),
    ],
  );
}

/** The card as SVG, all text converted to paths. */
export async function ogCardSvg(card: OgCard, siteName: string): Promise<string> {
  // Loaded on first use: pages import this module for OG_WIDTH/OG_HEIGHT only.
  const satori = (requireFromRoot('satori') as typeof import('satori')).default;
  return satori(ogCardTree(card, siteName) as never, { width: OG_WIDTH, height: OG_HEIGHT, fonts: loadFonts() });
}

// zlib level 6, not 9: measured 65 ms against 124 ms a card for a 3% larger file (docs/performance.md).
const PNG_OPTIONS = { palette: true, colours: 16, dither: 0, effort: 1, compressionLevel: 6 } as const;

/** The installed version of a package, read from its package.json (not every package exports that file). */
function packageVersion(name: string): string {
  let dir = dirname(requireFromRoot.resolve(name));
  while (dir !== dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === name) return manifest.version ?? '';
    } catch {
      // No package.json at this level.
    }
    dir = dirname(dir);
  }
  return '';
}

let renderer: string | undefined;
/** What, besides the card, decides the pixels: the satori and sharp versions, the fonts, the PNG options. */
function rendererIdentity(): string {
  renderer ??= JSON.stringify([
    packageVersion('satori'),
    packageVersion('sharp'),
    loadFonts().map((font) => [font.weight, font.data.length]),
    PNG_OPTIONS,
  ]);
  return renderer;
}

/** A name for the PNG of a card that changes whenever anything that affects its pixels does. */
export function ogCardKey(card: OgCard, siteName: string): string {
  return createHash('sha256')
    .update(JSON.stringify(ogCardTree(card, siteName)))
    .update(rendererIdentity())
    .digest('hex')
    .slice(0, 32);
}

/**
 * The card as a PNG of OG_WIDTH × OG_HEIGHT pixels: 16 colours without dithering
 * keeps antialiased text clean and files around 15 KB. With `cacheDir`, a card
 * drawn before (same element tree, renderer and fonts) is read back instead of
 * being laid out and rasterised again.
 */
export async function renderOgImage(card: OgCard, siteName: string, cacheDir?: string): Promise<Uint8Array<ArrayBuffer>> {
  const cached = cacheDir && join(resolve(cacheDir), `${ogCardKey(card, siteName)}.png`);
  if (cached) {
    try {
      return new Uint8Array(readFileSync(cached));
    } catch {
      // Not drawn yet.
    }
  }
  const svg = await ogCardSvg(card, siteName);
  const sharp = requireFromRoot('sharp') as (typeof import('sharp'))['default'];
  const png = new Uint8Array(await sharp(Buffer.from(svg)).png(PNG_OPTIONS).toBuffer());
  if (cached) {
    mkdirSync(resolve(cacheDir), { recursive: true });
    writeFileSync(cached, png);
  }
  return png;
}
