/**
 * WCAG 2.x colour contrast for hex colours (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio).
 * Used at build time to make code themes readable, and by tests that audit colour tokens.
 */

/** Minimum contrast for normal-size text at level AA (success criterion 1.4.3). */
export const AA_TEXT_CONTRAST = 4.5;

type Rgb = [number, number, number];

/** Parses #rgb, #rgba, #rrggbb or #rrggbbaa; an alpha channel is composited over `background`. */
export function parseHex(hex: string, background?: string): Rgb {
  const digits = hex.trim().replace(/^#/, '');
  if (!/^(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(digits)) throw new Error(`Not a hex colour: "${hex}"`);
  const full = digits.length <= 4 ? [...digits].map((c) => c + c).join('') : digits;
  const channels = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
  if (full.length === 6) return channels;
  const alpha = parseInt(full.slice(6, 8), 16) / 255;
  const under = background ? parseHex(background) : ([255, 255, 255] as Rgb);
  return channels.map((c, i) => Math.round(c * alpha + under[i]! * (1 - alpha))) as Rgb;
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function relativeLuminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Contrast ratio between two hex colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(foreground: string, background: string): number {
  const back = parseHex(background);
  const [a, b] = [relativeLuminance(parseHex(foreground, background)), relativeLuminance(back)].sort((x, y) => y - x) as [number, number];
  return (a + 0.05) / (b + 0.05);
}

/**
 * The colour closest to `foreground` (same hue, mixed towards black on a light
 * background or white on a dark one) that reaches `minimum` contrast on `background`.
 * A colour that already passes is returned unchanged.
 */
export function ensureContrast(foreground: string, background: string, minimum = AA_TEXT_CONTRAST): string {
  if (contrastRatio(foreground, background) >= minimum) return foreground;
  const back = parseHex(background);
  const fore = parseHex(foreground, background);
  const target: Rgb = relativeLuminance(back) > 0.18 ? [0, 0, 0] : [255, 255, 255];
  for (let step = 1; step <= 100; step++) {
    const t = step / 100;
    const mixed = toHex(fore.map((c, i) => c + (target[i]! - c) * t) as Rgb);
    if (contrastRatio(mixed, background) >= minimum) return mixed;
  }
  return toHex(target);
}
