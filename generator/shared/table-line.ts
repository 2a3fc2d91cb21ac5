/** A Markdown table line's cells, trimmed (a pipe escaped by `\` stays in its cell). */
export function tableCells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/).map((cell) => cell.trim());
}
