/**
 * A Markdown table padded the way `prettier --parser markdown` pads it: every cell to its
 * column's width (at least 3; wide characters count two, shared/display-width.ts), the
 * separator's dashes to the same width, alignment colons kept and honoured.
 */
import { displayWidth } from '../../shared/display-width.js';
import { tableCells } from '../../shared/table-line.js';

type Align = 'left' | 'right' | 'center' | undefined;

/** `lines`: header, separator, rows (one line each). */
export function alignTable(lines: readonly string[]): string[] {
  const rows = lines.map(tableCells);
  const aligns: Align[] = rows[1]!.map((cell) => {
    const left = cell.startsWith(':');
    const right = cell.endsWith(':');
    return left && right ? 'center' : left ? 'left' : right ? 'right' : undefined;
  });
  const columns = Math.max(...rows.map((cells) => cells.length));
  const widths = Array.from({ length: columns }, (_, column) =>
    Math.max(3, ...rows.flatMap((cells, index) => (index === 1 || cells[column] === undefined ? [] : [displayWidth(cells[column]!)]))),
  );
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const separator = widths.map((width, column) => {
    const align = aligns[column];
    const first = align === 'center' || align === 'left' ? ':' : '-';
    const last = align === 'center' || align === 'right' ? ':' : '-';
    return `${first}${'-'.repeat(width - 2)}${last}`;
  });
  return rows.map((cells, index) => {
    if (index === 1) return line(separator);
    return line(
      cells.map((cell, column) => {
        const spaces = widths[column]! - displayWidth(cell);
        const align = aligns[column];
        const before = align === 'right' ? spaces : align === 'center' ? Math.floor(spaces / 2) : 0;
        return `${' '.repeat(before)}${cell}${' '.repeat(spaces - before)}`;
      }),
    );
  });
}
