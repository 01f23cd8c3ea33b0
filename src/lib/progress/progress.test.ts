import { describe, expect, it } from 'vitest';
import {
  carryOver,
  importPlan,
  type Marks,
  MAX_FILE_BYTES,
  MAX_MARKS,
  type PathStep,
  pathProgress,
  PROGRESS_FORMAT,
  progressText,
  readProgress,
  tallyText,
} from './progress.ts';

const marks = (entries: Record<string, 'learning' | 'done'>): Marks => new Map(Object.entries(entries));
const file = (fields: Record<string, unknown>) => JSON.stringify({ format: PROGRESS_FORMAT, version: 1, marks: {}, ...fields });
const problemOf = (text: string) => {
  const read = readProgress(text);
  return read.ok ? undefined : read.problem;
};

describe('the progress format', () => {
  it('reads back what it writes, stored or exported', () => {
    const saved = marks({ 'skills/sql': 'done', 'skills/redis': 'learning' });
    for (const text of [progressText(saved), progressText(saved, new Date('2026-12-07T10:00:00Z'))]) {
      const read = readProgress(text);
      expect(read.ok && Object.fromEntries(read.marks)).toEqual(Object.fromEntries(saved));
    }
    expect(JSON.parse(progressText(saved, new Date('2026-12-07T10:00:00Z')))).toEqual({
      format: PROGRESS_FORMAT,
      version: 1,
      exported: '2026-12-07T10:00:00.000Z',
      marks: { 'skills/redis': 'learning', 'skills/sql': 'done' },
    });
  });

  it('keeps marks for ids the site no longer has: only the reader removes them', () => {
    const read = readProgress(file({ marks: { 'skills/gone-for-now': 'done' } }));
    expect(read.ok && read.marks.get('skills/gone-for-now')).toBe('done');
  });

  it('refuses, with a sentence saying why, anything that is not a progress file', () => {
    expect(problemOf('not json')).toBe('it is not a progress file: its text is not JSON');
    expect(problemOf('[]')).toContain('it is not a progress file from this site');
    expect(problemOf(JSON.stringify({ marks: {} }))).toContain('"format": "backend-atlas-progress"');
    expect(problemOf(file({ version: '1' }))).toBe('its version is "1", not a whole number from 1 up');
    expect(problemOf(file({ version: 2 }))).toBe(
      'it was saved by a newer version of the site (format version 2); reload the page to get that version',
    );
    expect(problemOf(file({ marks: ['skills/sql'] }))).toBe('it has no "marks"');
    expect(problemOf(file({ marks: { 'skills/sql': 'mastered' } }))).toBe(
      'the mark for "skills/sql" is "mastered", where a mark is "learning" or "done"',
    );
  });

  it('refuses hostile input: odd keys, prototype tricks, markup, and sizes no real file has', () => {
    expect(problemOf('{"format":"backend-atlas-progress","version":1,"marks":{"__proto__":"done"}}')).toBe(
      'it has a mark for "__proto__", which is not the id of a page',
    );
    expect(problemOf(file({ marks: { '<img src=x onerror=alert(1)>': 'done' } }))).toContain('which is not the id of a page');
    expect(problemOf(file({ marks: { 'skills/a': { toString: 'done' } } }))).toContain('where a mark is "learning" or "done"');
    const many = Object.fromEntries(Array.from({ length: MAX_MARKS + 1 }, (_, i) => [`skills/s${i}`, 'done']));
    expect(problemOf(file({ marks: many }))).toBe(`it has ${MAX_MARKS + 1} marks, more than the site could ever have (${MAX_MARKS})`);
    expect(problemOf(' '.repeat(MAX_FILE_BYTES + 1))).toMatch(/^it is \d+ KB, far more than progress takes/);
  });
});

describe('carrying marks across a rename', () => {
  it('moves a mark from an old id to the id the entry has now', () => {
    const { marks: carried, moved } = carryOver(
      marks({ 'skills/redis-basics': 'done', 'skills/sql': 'learning' }),
      new Map([['skills/redis-basics', 'skills/redis']]),
    );
    expect(Object.fromEntries(carried)).toEqual({ 'skills/redis': 'done', 'skills/sql': 'learning' });
    expect(moved).toBe(1);
  });

  it('keeps the further mark when the old and the new id both have one', () => {
    const aliases = new Map([['skills/old', 'skills/new']]);
    expect(Object.fromEntries(carryOver(marks({ 'skills/old': 'done', 'skills/new': 'learning' }), aliases).marks)).toEqual({ 'skills/new': 'done' });
    expect(Object.fromEntries(carryOver(marks({ 'skills/old': 'learning', 'skills/new': 'done' }), aliases).marks)).toEqual({ 'skills/new': 'done' });
  });
});

describe('importing a file', () => {
  it('adds new marks freely and lists the ones it would change', () => {
    const plan = importPlan(
      marks({ 'skills/sql': 'learning', 'skills/go': 'done' }),
      marks({ 'skills/sql': 'done', 'skills/go': 'done', 'skills/redis': 'learning' }),
    );
    expect(plan.added).toEqual(['skills/redis']);
    expect(plan.changed).toEqual(['skills/sql']);
    expect(Object.fromEntries(plan.merged)).toEqual({ 'skills/sql': 'done', 'skills/go': 'done', 'skills/redis': 'learning' });
  });
});

describe('progress along a learning path', () => {
  const steps: PathStep[] = [
    { keys: ['skills/http'], core: true, after: [] },
    { keys: ['skills/go', 'skills/java'], core: true, after: [] },
    { keys: ['skills/apis'], core: true, after: ['skills/http'] },
    { keys: ['skills/grpc'], core: false, after: ['skills/apis', 'skills/http'] },
  ];

  it('counts a language step as done when any one of its languages is', () => {
    const progress = pathProgress(steps, marks({ 'skills/java': 'done', 'skills/http': 'done', 'skills/apis': 'learning' }));
    expect(progress.core).toEqual({ done: 2, learning: 1, total: 3 });
    expect(progress.all).toEqual({ done: 2, learning: 1, total: 4 });
    expect(tallyText(progress.core, 'core skills')).toBe('2 of 3 core skills done, 1 learning');
  });

  it('offers next the unmarked steps whose prerequisites are all done', () => {
    expect(pathProgress(steps, new Map()).ready).toEqual([0, 1]);
    expect(pathProgress(steps, marks({ 'skills/http': 'done' })).ready).toEqual([1, 2]);
    expect(pathProgress(steps, marks({ 'skills/http': 'done', 'skills/apis': 'done', 'skills/go': 'learning' })).ready).toEqual([3]);
  });
});
