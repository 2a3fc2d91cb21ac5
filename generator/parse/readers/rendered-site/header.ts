/**
 * Table headers of the rendered site. The cells of a header run together on one line
 * (`NameTypeDescription`) or, where the page wrapped them in `<div>`, stand on lines of
 * their own (`NameType` / `Required` / `Default value` / …). A header line is read as a
 * concatenation of known column words (vocabulary.ts).
 */
import { columnRole, type ColumnRole } from '../../vocabulary.js';

export interface HeaderColumn {
  role: ColumnRole;
  /** The column's words as the page wrote them. */
  text: string;
}

/** The line as column words, in order; undefined when it is not made of column words only. */
export function headerColumns(line: string): HeaderColumn[] | undefined {
  const text = line.trim();
  if (text === '' || text.length > 80) return undefined;
  return split(text);
}

function split(text: string): HeaderColumn[] | undefined {
  if (text === '') return [];
  // Longest word first, so `Default value` is not read as `Default` + `value`.
  for (let end = text.length; end > 0; end -= 1) {
    const word = text.slice(0, end);
    const role = columnRole(word);
    if (role === undefined) continue;
    const rest = split(text.slice(end).trimStart());
    if (rest) return [{ role, text: word.trim() }, ...rest];
  }
  return undefined;
}
