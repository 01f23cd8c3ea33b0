/**
 * A mistake in an article at a line: the base of the errors the renderer, the writer checks and
 * the diagram drawing throw, so each keeps its own name (and `instanceof`) without repeating this.
 */
export class LineError extends Error {
  /** The line, counted from the start of what was being read (1-based); undefined when unknown. */
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.name = new.target.name;
    this.line = line;
  }
}
