/**
 * Open Graph images, drawn at build time. The card's text is shaped by fontkit (Inter
 * from npm, so no system font and no network is involved) and laid out here; each glyph
 * is rasterised once by sharp into a glyph atlas and copied from there onto a palette
 * image of the card's fixed frame, which is written as a small PNG. That is far cheaper than
 * laying out and rasterising a whole SVG per card (measured: docs/performance.md).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Font } from 'fontkit';
import { sourcesFingerprint } from '../article/fingerprint.ts';
import { GlyphAtlas, PHASES } from './glyph-atlas.ts';
import { IndexedImage, InkPalette } from './indexed-image.ts';
import { layoutText, singleLine, type TextLine, TextShaper } from './text-layout.ts';

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
const COLOURS = { background: '#10151c', text: '#f4f6f9', muted: '#aab3bf', accent: '#7cb8ff' };
/** Inks, in palette order. */
const INK = { text: 0, muted: 1, accent: 2 } as const;
const palette = new InkPalette(COLOURS.background, [COLOURS.text, COLOURS.muted, COLOURS.accent]);

/** The card's geometry, in pixels. */
const BORDER = 16;
const BOX = { left: 72, right: OG_WIDTH - 72, top: BORDER + 64, bottom: OG_HEIGHT - 64 };
/** The "connected map" motif, top right: three rings joined by links, the last ring filled. */
const MOTIF = { ring: 48, stroke: 7, link: 56, linkHeight: 7, linkOpacity: 0.55 };
const MOTIF_WIDTH = 3 * MOTIF.ring + 2 * MOTIF.link;
const TITLE = { maxWidth: 1000, maxLines: 3, lineHeight: 1.12 };
const KICKER_GAP = 20;

/** Title size that keeps long titles to three lines. */
export function titleFontSize(title: string): number {
  if (title.length <= 28) return 80;
  if (title.length <= 48) return 68;
  return 56;
}

/** The text styles of the card: Inter at one weight and size, with letter spacing. */
const STYLES = {
  site: { weight: 700, size: 34, letterSpacing: 0 },
  kicker: { weight: 700, size: 30, letterSpacing: 1 },
  address: { weight: 400, size: 26, letterSpacing: 0 },
  title80: { weight: 700, size: 80, letterSpacing: 0 },
  title68: { weight: 700, size: 68, letterSpacing: 0 },
  title56: { weight: 700, size: 56, letterSpacing: 0 },
} as const;
type StyleName = keyof typeof STYLES;

// Fonts, fontkit and sharp are loaded from the project's node_modules at run time, not
// bundled: the build runs bundled code from a scratch folder, and sharp is a native module.
const requireFromRoot = createRequire(join(process.cwd(), 'package.json'));
const fontFile = (weight: 400 | 700) => requireFromRoot.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`);

/** A piece of text placed on the card: its glyphs start at `x`, on the baseline `baseline`. */
interface TextDraw {
  style: StyleName;
  ink: number;
  x: number;
  baseline: number;
  line: TextLine;
}

/** Where every piece of the card's text goes: one line each for the site, kicker and address, up to three for the title. */
function cardText(card: OgCard, siteName: string, shaper: (style: StyleName) => TextShaper): TextDraw[] {
  const site = shaper('site');
  const kicker = shaper('kicker');
  const address = shaper('address');
  const titleStyle = `title${titleFontSize(card.title)}` as StyleName;
  const title = shaper(titleStyle);

  // The header row is as tall as the motif, with the site name centred in it.
  const siteLine = site.normalLine;
  const draws: TextDraw[] = [
    {
      style: 'site',
      ink: INK.text,
      x: BOX.left,
      baseline: BOX.top + (MOTIF.ring - siteLine.height) / 2 + siteLine.ascent,
      line: singleLine(site, siteName, BOX.right - BOX.left - MOTIF_WIDTH - 32),
    },
  ];

  // The address sits on the bottom edge of the box.
  const addressLine = address.normalLine;
  draws.push({
    style: 'address',
    ink: INK.muted,
    x: BOX.left,
    baseline: BOX.bottom - addressLine.height + addressLine.ascent,
    line: singleLine(address, card.address, BOX.right - BOX.left),
  });

  // Kicker and title are centred between header and address.
  const titleLines = layoutText(title, card.title, TITLE);
  const titleLineHeight = title.size * TITLE.lineHeight;
  const kickerLine = kicker.normalLine;
  const blockHeight = kickerLine.height + KICKER_GAP + titleLines.length * titleLineHeight;
  const free = BOX.bottom - addressLine.height - (BOX.top + MOTIF.ring) - blockHeight;
  const blockTop = BOX.top + MOTIF.ring + free / 2;
  draws.push({
    style: 'kicker',
    ink: INK.accent,
    x: BOX.left,
    baseline: blockTop + kickerLine.ascent,
    line: layoutText(kicker, card.kicker.toLocaleUpperCase('en'), { maxWidth: TITLE.maxWidth, maxLines: 1 })[0] ?? { glyphs: [], width: 0 },
  });
  // CSS line-height: the leading is split evenly above and below the font's own line.
  const titleLine = title.normalLine;
  titleLines.forEach((line, i) => {
    const top = blockTop + kickerLine.height + KICKER_GAP + i * titleLineHeight;
    draws.push({ style: titleStyle, ink: INK.text, x: BOX.left, baseline: top + (titleLineHeight - titleLine.height) / 2 + titleLine.ascent, line });
  });
  return draws.map((draw) => ({ ...draw, baseline: Math.round(draw.baseline) }));
}

/** The fixed part of the card, the same on every card: background, top border and motif. */
function frameSvg(): string {
  const cy = BOX.top + MOTIF.ring / 2;
  const radius = (MOTIF.ring - MOTIF.stroke) / 2;
  let x = BOX.right - MOTIF_WIDTH;
  const shapes: string[] = [];
  for (let i = 0; i < 3; i++) {
    const fill = i === 2 ? COLOURS.accent : COLOURS.background;
    shapes.push(
      `<circle cx="${x + MOTIF.ring / 2}" cy="${cy}" r="${radius}" fill="${fill}" stroke="${COLOURS.accent}" stroke-width="${MOTIF.stroke}"/>`,
    );
    x += MOTIF.ring;
    if (i < 2) {
      shapes.push(
        `<rect x="${x}" y="${cy - MOTIF.linkHeight / 2}" width="${MOTIF.link}" height="${MOTIF.linkHeight}" fill="${COLOURS.accent}" fill-opacity="${MOTIF.linkOpacity}"/>`,
      );
      x += MOTIF.link;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}">
<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="${COLOURS.background}"/>
<rect width="${OG_WIDTH}" height="${BORDER}" fill="${COLOURS.accent}"/>${shapes.join('')}</svg>`;
}

type Sharp = (typeof import('sharp'))['default'];

/** Fonts, shapers, glyph atlases and the frame: made once per thread, shared by every card it draws. */
interface Renderer {
  shaper: (style: StyleName) => TextShaper;
  atlas: (style: StyleName) => GlyphAtlas;
  frame: IndexedImage;
}

let renderer: Promise<Renderer> | undefined;
function loadRenderer(): Promise<Renderer> {
  renderer ??= (async () => {
    const fontkit = requireFromRoot('fontkit') as typeof import('fontkit');
    const sharp = requireFromRoot('sharp') as Sharp;
    const fonts = new Map<number, Font>(([400, 700] as const).map((weight) => [weight, fontkit.create(readFileSync(fontFile(weight))) as Font]));
    const shapers = new Map<StyleName, TextShaper>();
    const atlases = new Map<string, GlyphAtlas>();
    const { data, info } = await sharp(Buffer.from(frameSvg())).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return {
      shaper(name) {
        const { weight, size, letterSpacing } = STYLES[name];
        if (!shapers.has(name)) shapers.set(name, new TextShaper(fonts.get(weight)!, size, letterSpacing));
        return shapers.get(name)!;
      },
      atlas(name) {
        const { weight, size } = STYLES[name];
        const key = `${weight}/${size}`;
        if (!atlases.has(key)) atlases.set(key, new GlyphAtlas(fonts.get(weight)!, size, sharp));
        return atlases.get(key)!;
      },
      frame: IndexedImage.fromRgba(info.width, info.height, data, palette, INK.accent),
    };
  })();
  return renderer;
}

/** Draws a card without the cache. */
async function drawCard(card: OgCard, siteName: string): Promise<Uint8Array<ArrayBuffer>> {
  const { shaper, atlas, frame } = await loadRenderer();
  const draws = cardText(card, siteName, shaper);
  for (const draw of draws) await atlas(draw.style).prepare(draw.line.glyphs.map((placed) => placed.glyph));
  const image = frame.clone();
  for (const { style, ink, x, baseline, line } of draws) {
    for (const placed of line.glyphs) {
      // Whole pixel and quarter-pixel phase of the pen.
      const pen = Math.round((x + placed.x) * PHASES);
      const mask = atlas(style).mask(placed.glyph, ((pen % PHASES) + PHASES) % PHASES);
      if (mask) image.drawMask(mask, Math.floor(pen / PHASES), baseline, ink);
    }
  }
  return image.png();
}

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

/** This module and its helpers: a change to the design or the drawing code draws every card again. */
const RENDERER_SOURCES = ['src/lib/social-cards/og-image.ts', 'src/lib/social-cards'];

let identity: string | undefined;
/** What, besides the card, decides the pixels: the code, the fontkit and sharp versions, the fonts. */
function rendererIdentity(): string {
  identity ??= JSON.stringify([
    sourcesFingerprint(RENDERER_SOURCES),
    packageVersion('fontkit'),
    packageVersion('sharp'),
    ([400, 700] as const).map((weight) => statSync(fontFile(weight)).size),
  ]);
  return identity;
}

/** A name for the PNG of a card that changes whenever anything that affects its pixels does. */
export function ogCardKey(card: OgCard, siteName: string): string {
  return createHash('sha256')
    .update(JSON.stringify([card.title, card.kicker, card.address, siteName]))
    .update(rendererIdentity())
    .digest('hex')
    .slice(0, 32);
}

/**
 * The card as a PNG of OG_WIDTH × OG_HEIGHT pixels. With `cacheDir`,
 * a card drawn before (same text, drawing code, libraries and fonts) is read back
 * instead of being drawn again.
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
  const png = await drawCard(card, siteName);
  if (cached) {
    mkdirSync(resolve(cacheDir), { recursive: true });
    writeFileSync(cached, png);
  }
  return png;
}
