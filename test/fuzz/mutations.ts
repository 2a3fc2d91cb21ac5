/**
 * Damage done to real pages, of the kinds issue 12 met on pages we had not seen: lines
 * lost, repeated, swapped or run together, tables with a missing or a longer delimiter
 * row, stray pipes and garbage cells, fences left open or opened by mistake, CRLF line
 * ends, NUL bytes, a garbled data-structure heading, a repeated table row.
 * Each mutation is a pure function of the page text and the PRNG; it returns undefined
 * when the page has nothing it could damage (no table, no fence …).
 */
import type { Rng } from './prng.js';

export const MUTATION_KINDS = [
  'delete-line',
  'duplicate-line',
  'swap-lines',
  'join-lines',
  'truncate',
  'stray-pipe',
  'garbage-cell',
  'lost-delimiter',
  'delimiter-extra-cell',
  'unclosed-fence',
  'stray-fence',
  'crlf',
  'nul-byte',
  'garbled-anchor',
  'repeated-row',
] as const;

export type MutationKind = (typeof MUTATION_KINDS)[number];

type Mutation = (lines: string[], rng: Rng) => string[] | undefined;

const TABLE_LINE = /^\s*\|/;
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const MODEL_HEADING = /^(#{3,6}\s*)<a id="([^"]+)"><\/a>\s*(.*)$/;

const isDelimiter = (line: string): boolean => DELIMITER_ROW.test(line) && line.includes('-');
const indexesWhere = (lines: string[], test: (line: string, index: number) => boolean): number[] =>
  lines.flatMap((line, index) => (test(line, index) ? [index] : []));
/** Table rows below a delimiter row: the rows that carry fields. */
const dataRows = (lines: string[]): number[] =>
  indexesWhere(lines, (line, index) => TABLE_LINE.test(line) && !isDelimiter(line) && !isDelimiter(lines[index + 1] ?? ''));

const replaceAt = (lines: string[], index: number, ...replacement: string[]): string[] => [
  ...lines.slice(0, index),
  ...replacement,
  ...lines.slice(index + 1),
];

const pickIndex = (rng: Rng, indexes: number[]): number | undefined => (indexes.length === 0 ? undefined : rng.pick(indexes));

/** Cells of garbage: markup, pipes escaped and not, unicode, empty. */
const GARBAGE = ['', ' ', '`', '**', '<a href="#', '</div>', '\\|', '名称', 'ß∂ƒ', '😀', '-', '---', ':--:', '<br>', '[x](', '"', '{', 'class', 'Ω'];
const garbage = (rng: Rng): string => Array.from({ length: 1 + rng.below(3) }, () => rng.pick(GARBAGE)).join('');

export const MUTATIONS: Record<MutationKind, Mutation> = {
  'delete-line': (lines, rng) => (lines.length < 2 ? undefined : replaceAt(lines, rng.below(lines.length))),
  'duplicate-line': (lines, rng) => {
    const at = rng.below(lines.length);
    return replaceAt(lines, at, lines[at]!, lines[at]!);
  },
  'swap-lines': (lines, rng) => {
    if (lines.length < 2) return undefined;
    const at = rng.below(lines.length - 1);
    return [...lines.slice(0, at), lines[at + 1]!, lines[at]!, ...lines.slice(at + 2)];
  },
  // Two lines run together, as on the real pages where a heading swallowed a table's header.
  'join-lines': (lines, rng) => {
    const at = pickIndex(rng, indexesWhere(lines, (line, index) => index + 1 < lines.length && (TABLE_LINE.test(lines[index + 1]!) || TABLE_LINE.test(line))));
    if (at === undefined) return undefined;
    return [...lines.slice(0, at), `${lines[at]!}${rng.pick(['', ' '])}${lines[at + 1]!.trimStart()}`, ...lines.slice(at + 2)];
  },
  truncate: (lines, rng) => {
    if (lines.length < 2) return undefined;
    const at = 1 + rng.below(lines.length - 1);
    const cut = lines[at]!.slice(0, rng.below(lines[at]!.length + 1));
    return [...lines.slice(0, at), cut];
  },
  'stray-pipe': (lines, rng) => {
    const at = pickIndex(rng, dataRows(lines));
    if (at === undefined) return undefined;
    const line = lines[at]!;
    const offset = 1 + rng.below(Math.max(1, line.length - 1));
    return replaceAt(lines, at, `${line.slice(0, offset)}|${line.slice(offset)}`);
  },
  'garbage-cell': (lines, rng) => {
    const at = pickIndex(rng, dataRows(lines));
    if (at === undefined) return undefined;
    const cells = lines[at]!.split(/(?<!\\)\|/);
    if (cells.length < 3) return undefined;
    const cell = 1 + rng.below(cells.length - 2);
    cells[cell] = ` ${garbage(rng)} `;
    return replaceAt(lines, at, cells.join('|'));
  },
  'lost-delimiter': (lines, rng) => {
    const at = pickIndex(rng, indexesWhere(lines, isDelimiter));
    return at === undefined ? undefined : replaceAt(lines, at);
  },
  // GFM reads no table when the delimiter row has more cells than the header (issue 12).
  'delimiter-extra-cell': (lines, rng) => {
    const at = pickIndex(rng, indexesWhere(lines, isDelimiter));
    return at === undefined ? undefined : replaceAt(lines, at, `${lines[at]!.trimEnd().replace(/\|?$/, '|')} ---- |`);
  },
  'unclosed-fence': (lines, rng) => {
    const fences = indexesWhere(lines, (line) => FENCE.test(line));
    // Closing fences are the second, fourth … fence line.
    const closing = fences.filter((_, index) => index % 2 === 1);
    const at = pickIndex(rng, closing);
    return at === undefined ? undefined : replaceAt(lines, at);
  },
  'stray-fence': (lines, rng) => {
    const at = rng.below(lines.length + 1);
    return [...lines.slice(0, at), rng.pick(['```', '~~~', '```ts']), ...lines.slice(at)];
  },
  crlf: (lines) => [lines.join('\r\n')],
  'nul-byte': (lines, rng) => {
    const at = rng.below(lines.length);
    const line = lines[at]!;
    const offset = rng.below(line.length + 1);
    return replaceAt(lines, at, `${line.slice(0, offset)}\u0000${line.slice(offset)}`);
  },
  // `### <a id="X">X</a>taDto"></a> X`, as a real page had it (issue 12), or the anchor's
  // id itself cut by a stray `</a>` (`<a id="UserDa</a>taDto"></a> UserDataDto`).
  'garbled-anchor': (lines, rng) => {
    const at = pickIndex(rng, indexesWhere(lines, (line) => MODEL_HEADING.test(line)));
    if (at === undefined) return undefined;
    const [, marks, id, text] = MODEL_HEADING.exec(lines[at]!)!;
    const cut = 1 + rng.below(Math.max(1, id!.length - 1));
    const garbled = rng.next() < 0.5
      ? `<a id="${id}">${id}</a>${id!.slice(cut)}"></a>`
      : `<a id="${id!.slice(0, cut)}</a>${id!.slice(cut)}"></a>`;
    return replaceAt(lines, at, `${marks}${garbled} ${text}`);
  },
  // An exact repeated row: the same field twice, word for word (issue 12's false FIELD_DUPLICATE).
  'repeated-row': (lines, rng) => {
    const at = pickIndex(rng, dataRows(lines));
    return at === undefined ? undefined : replaceAt(lines, at, lines[at]!, lines[at]!);
  },
};

export interface MutatedPage {
  text: string;
  kinds: MutationKind[];
}

/** `count` mutations of random kinds (kinds that do not apply are drawn again, a few times). */
export function mutatePage(text: string, rng: Rng, count: number): MutatedPage {
  let lines = text.split('\n');
  const kinds: MutationKind[] = [];
  for (let attempt = 0; kinds.length < count && attempt < count * 4; attempt += 1) {
    const kind = rng.pick(MUTATION_KINDS);
    // CRLF joins the page into one "line": it goes last.
    if (kind === 'crlf' && kinds.length < count - 1) continue;
    const mutated = MUTATIONS[kind](lines, rng);
    if (mutated === undefined) continue;
    lines = mutated;
    kinds.push(kind);
  }
  return { text: lines.join('\n'), kinds };
}
