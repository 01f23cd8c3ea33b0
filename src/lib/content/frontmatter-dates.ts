/** Frontmatter fields that hold a calendar date. */
export const DATE_FIELDS = ['updated'] as const;

export interface DateProblem {
  line: number;
  field: string;
  /** What is wrong and how to fix it, in one message. */
  message: string;
  /** What is wrong, e.g. '"2026-13-45" is not a real date'. */
  problem: string;
  /** How to fix it. */
  fix: string;
}

/**
 * YAML parsers turn "2026-13-45" into a real date by rolling the month and day
 * over, so a typo would publish a wrong date. This reads the date literals as
 * the writer typed them and reports any that is not a real YYYY-MM-DD date.
 */
export function findDateProblems(source: string): DateProblem[] {
  const problems: DateProblem[] = [];
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return problems;
  for (let index = 1; index < lines.length && lines[index]?.trim() !== '---'; index++) {
    const match = /^(\w+):\s*(.*?)\s*$/.exec(lines[index]!);
    if (!match || !(DATE_FIELDS as readonly string[]).includes(match[1]!)) continue;
    const field = match[1]!;
    const value = match[2]!.replace(/^(['"])(.*)\1$/, '$2');
    const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const date = parts ? new Date(Date.UTC(+parts[1]!, +parts[2]! - 1, +parts[3]!)) : undefined;
    const real = parts && date && date.getUTCFullYear() === +parts[1]! && date.getUTCMonth() === +parts[2]! - 1 && date.getUTCDate() === +parts[3]!;
    if (!real) {
      const problem = `"${value}" is not a real date`;
      const fix = 'Write it as YYYY-MM-DD with a month from 01 to 12 and a day that exists in that month, e.g. 2026-11-26.';
      problems.push({ line: index + 1, field, problem, fix, message: `${problem}. ${fix}` });
    }
  }
  return problems;
}
