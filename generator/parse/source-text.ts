/**
 * A page's text as lines, each remembering the line of the original file it came from.
 * Repairs done before remark (joined table rows, headings recovered from plain text)
 * change the lines; `origin` keeps diagnostics pointing at the file the user edits.
 */
export interface SourceText {
  lines: string[];
  /** 1-based line in the original file for each entry of `lines`. */
  origin: number[];
  /** True for a line joined from several original lines (a table row spread over lines). */
  joined?: boolean[];
}

export function toSourceText(raw: string): SourceText {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  return { lines, origin: lines.map((_, index) => index + 1) };
}

/** Incrementally builds a SourceText, so repairs can copy, join or insert lines. */
export class SourceTextBuilder {
  readonly lines: string[] = [];
  readonly origin: number[] = [];
  private readonly joined: boolean[] = [];

  push(line: string, origin: number, joined = false): void {
    this.lines.push(line);
    this.origin.push(origin);
    this.joined.push(joined);
  }

  /** Removes the line at `index` (a repair found it stray). */
  removeAt(index: number): void {
    this.lines.splice(index, 1);
    this.origin.splice(index, 1);
    this.joined.splice(index, 1);
  }

  build(): SourceText {
    return this.joined.includes(true) ? { lines: this.lines, origin: this.origin, joined: this.joined } : { lines: this.lines, origin: this.origin };
  }
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const COMMENT_START = /^\s{0,3}<!--/;

/**
 * Marks the lines inside fenced code blocks (fence lines included), so repairs never touch code.
 * An unclosed fence runs to the end of the page, as in CommonMark; a fence line inside an
 * HTML comment block (`<!--` opening a line, up to its `-->`) opens nothing, as in CommonMark.
 */
export function fencedLines(lines: readonly string[]): boolean[] {
  const inFence: boolean[] = new Array<boolean>(lines.length).fill(false);
  let open: string | undefined;
  let inComment = false;
  lines.forEach((line, index) => {
    if (inComment) {
      inComment = !line.includes('-->');
      return;
    }
    const match = FENCE.exec(line);
    if (open === undefined) {
      if (match?.[1]) {
        open = match[1];
        inFence[index] = true;
      } else if (opensComment(line)) {
        inComment = true;
      }
      return;
    }
    inFence[index] = true;
    const fence = match?.[1];
    if (fence && fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = undefined;
  });
  return inFence;
}

/** Whether a line opens an HTML comment block that it does not close. */
export const opensComment = (line: string): boolean => COMMENT_START.test(line) && !line.includes('-->', line.indexOf('<!--') + 4);
