/**
 * Lower-case ASCII words joined by hyphens, as file names, URLs and element ids
 * on this site are written: "C# & .NET" → "csharp-and-net", "Café" → "cafe".
 */
export function toSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\+\+/g, 'pp')
    .replace(/#/g, 'sharp')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
