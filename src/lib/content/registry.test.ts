import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp-files.ts';
import { loadRegistry, RegistryError, staleFacts } from './registry.ts';

const SOURCE =
  'bls:\n  title: Occupational Outlook Handbook\n  publisher: U.S. Bureau of Labor Statistics\n  url: https://www.bls.gov/ooh/\n  edition: 2024–34 edition\n  kind: statistics\n';

function folder(sources: string, facts?: string): string {
  const dir = tempDir('registry');
  writeFileSync(join(dir, 'sources.yaml'), sources);
  if (facts !== undefined) writeFileSync(join(dir, 'facts.yaml'), facts);
  return dir;
}

describe('the facts and sources registry', () => {
  it('reads sources and facts, with the fact values as text and dates as dates', () => {
    const registry = loadRegistry(
      folder(SOURCE, 'median-pay:\n  value: 133080\n  label: Median pay of developers\n  source: bls\n  checked: 2026-12-07\n'),
    );
    expect(registry.sources.get('bls')).toMatchObject({ kind: 'statistics', edition: '2024–34 edition' });
    expect(registry.facts.get('median-pay')).toMatchObject({ value: '133080', checked: new Date('2026-12-07') });
  });

  it('is empty for a folder without the files', () => {
    const registry = loadRegistry(tempDir('registry'));
    expect([registry.sources.size, registry.facts.size]).toEqual([0, 0]);
  });

  it('names the line and field of a mistake, and what is allowed', () => {
    const dir = folder(SOURCE.replace('kind: statistics', 'kind: blog'));
    expect(() => loadRegistry(dir)).toThrow(RegistryError);
    expect(() => loadRegistry(dir)).toThrow(
      /sources\.yaml:6: bls\.kind: must be one of: documentation, specification, standard, release-notes, statistics, research, article, book$/,
    );
  });

  it('refuses a fact whose source is not in sources.yaml, suggesting the likely one', () => {
    const dir = folder(SOURCE, 'median-pay:\n  value: $1\n  label: Median pay of developers\n  source: blss\n  checked: 2026-12-07\n');
    expect(() => loadRegistry(dir)).toThrow(
      /facts\.yaml: median-pay\.source: there is no source "blss" in \S*sources\.yaml \(did you mean "bls"\?\)/,
    );
  });

  it('reads a file again after it changes', () => {
    const dir = folder(SOURCE);
    expect(loadRegistry(dir).sources.get('bls')?.edition).toBe('2024–34 edition');
    writeFileSync(join(dir, 'sources.yaml'), `${SOURCE.replace('2024–34 edition', '2025–35 edition')}\n`);
    expect(loadRegistry(dir).sources.get('bls')?.edition).toBe('2025–35 edition');
  });

  it('lists facts checked more than a year before a given day, oldest first', () => {
    const fact = (checked: string) => `  value: x\n  label: A fact for the test\n  source: bls\n  checked: ${checked}\n`;
    const registry = loadRegistry(folder(SOURCE, `a:\n${fact('2025-12-08')}b:\n${fact('2024-01-01')}c:\n${fact('2025-12-06')}`));
    expect(staleFacts(registry, new Date('2026-12-07')).map(([id]) => id)).toEqual(['b', 'c']);
  });
});
