/**
 * One table row of the rendered site, whose cells ran together with no separator
 * (`webhookIdstringYes-Webhook ID6229ffaxxxxxxxxcade3e3d9`), split back into cells by
 * what is known of each column: a field name is an identifier, a type is a word of the
 * type vocabulary or a data-structure name, a required cell is Yes/No/是/否, a default
 * is `-` or a short value. Every reading the columns allow is scored by how well its
 * cells fit; the best wins, and a tie is reported as ambiguous. Description and sample
 * value are told apart by what a sample looks like (sample-value.ts).
 */
import { nestedTypeName } from '../../cells.js';
import type { ColumnRole } from '../../vocabulary.js';
import { splitSampleValue } from './sample-value.js';

export interface RowVocabulary {
  /** The table's columns, in order. */
  roles: readonly ColumnRole[];
  /** Data-structure names the page (or docs set) defines: types beside the primitive ones. */
  models: ReadonlySet<string>;
}

export interface SplitRow {
  /** One cell per column, as plain text. */
  cells: string[];
  /** Why the split is a guess (which columns another reading would give otherwise); undefined when it is not. */
  doubt?: string;
}

/** The primitive type words of the docs, as they are written (lower case), each also as `X[]`. */
const PRIMITIVE_TYPES = ['string', 'number', 'integer', 'boolean', 'bool', 'object', 'array', 'any', 'int', 'float'];
const REQUIRED_WORDS = ['yes', 'no', '是', '否'];
const NAME_RUN = /^[A-Za-z_$@][\w$@.:-]*/;
const IDENTIFIER_RUN = /^[A-Za-z_][A-Za-z0-9_]*/;
const DEFAULT_RUN = /^[\w.]+/;

interface Reading {
  cells: string[];
  score: number;
  /** The description and sample value could not be told apart with certainty. */
  unsureSample?: boolean;
}

/** Fit of each kind of cell: a known type is strong evidence, an empty one needs a nested-type note. */
const SCORE = { knownType: 3, unknownTypeName: 0.5, emptyType: -2, nestedNote: 3, requiredWord: 2, mistranslatedRequired: -1, dash: 1, value: 0, empty: -1, spaceAfter: -3, perLetter: 0.001 };

/**
 * The row's cells, or undefined when no reading has the evidence of a row start (a
 * known type, a required word, or an empty type with a nested-type note): such a line
 * continues the row above (a cell with line breaks).
 */
export function splitRow(text: string, vocabulary: RowVocabulary): SplitRow | undefined {
  const readings = readingsOf(text.trim(), 0, vocabulary, { cells: [], score: 0 }, 0);
  if (readings.length === 0) return undefined;
  readings.sort((a, b) => b.score - a.score);
  const [best, next] = readings as [Reading, ...Reading[]];
  if (best.score < ROW_START) return undefined;
  const differing = next && next.score === best.score ? vocabulary.roles.filter((_, index) => next.cells[index] !== best.cells[index]) : [];
  const doubts = [
    ...(differing.length > 0 ? [`another reading gives other ${differing.join(', ')} cells`] : []),
    ...(best.unsureSample ? ['the end of the description may be the sample value'] : []),
  ];
  return doubts.length > 0 ? { cells: best.cells, doubt: doubts.join('; ') } : { cells: best.cells };
}

/**
 * The least score of a row start: a name and a known type, a required word with a type
 * or a nested-type note. Lines below it continue the row above.
 */
const ROW_START = 0;

function readingsOf(text: string, at: number, vocabulary: RowVocabulary, sofar: Reading, column: number): Reading[] {
  const { roles } = vocabulary;
  const role = roles[column];
  if (role === undefined) return at === text.length ? [sofar] : [];
  const rest = text.slice(at);
  if (role === 'description' || role === 'example') return [freeText(rest, roles.slice(column), vocabulary.models, sofar)];
  const readings: Reading[] = [];
  for (const { length, score } of cellsAt(rest, role, vocabulary)) {
    const cell = rest.slice(0, length);
    const after = rest.slice(length);
    // Cells are copied without the space around them: text that follows with a space is not a cell boundary.
    const spacing = length > 0 && /^\s/.test(after) ? SCORE.spaceAfter : 0;
    readings.push(...readingsOf(text, at + length, vocabulary, { cells: [...sofar.cells, cell], score: sofar.score + score + spacing }, column + 1));
  }
  return readings;
}

/** The lengths a cell of this column can have at the start of `rest`, each with its fit. */
function cellsAt(rest: string, role: ColumnRole, { models }: RowVocabulary): { length: number; score: number }[] {
  switch (role) {
    case 'name': {
      const run = NAME_RUN.exec(rest)?.[0] ?? '';
      return Array.from({ length: run.length }, (_, index) => ({ length: index + 1, score: 0 }));
    }
    case 'type': {
      const found = [{ length: 0, score: SCORE.emptyType }];
      for (const word of PRIMITIVE_TYPES) {
        if (rest.startsWith(`${word}[]`)) found.push({ length: word.length + 2, score: SCORE.knownType });
        else if (rest.startsWith(word)) found.push({ length: word.length, score: SCORE.knownType });
      }
      const run = IDENTIFIER_RUN.exec(rest)?.[0] ?? '';
      if (/^[A-Z]/.test(run)) {
        for (let end = 1; end <= run.length; end += 1) {
          const name = run.slice(0, end);
          const array = rest.startsWith('[]', end) ? 2 : 0;
          // Of two data-structure names (`User`, `UserDto`), the longer one that fits is meant.
          if (models.has(name)) found.push({ length: end + array, score: SCORE.knownType + end * SCORE.perLetter });
          else if (!/^[a-z0-9]/.test(rest.slice(end + array))) found.push({ length: end + array, score: SCORE.unknownTypeName });
        }
      }
      return found;
    }
    case 'required': {
      const lower = rest.toLowerCase();
      const found = REQUIRED_WORDS.filter((word) => lower.startsWith(word)).map((word) => ({ length: word.length, score: SCORE.requiredWord }));
      if (lower.startsWith('is')) found.push({ length: 2, score: SCORE.mistranslatedRequired });
      return found;
    }
    case 'default': {
      if (rest.startsWith('-') && !/^-\d/.test(rest)) return [{ length: 1, score: SCORE.dash }];
      const run = DEFAULT_RUN.exec(rest)?.[0] ?? '';
      const found = [{ length: 0, score: SCORE.empty }];
      for (let end = 1; end <= run.length; end += 1) {
        // A default ends where a word does: before a capital after a small letter, a space, other script, or the end.
        const next = rest[end] ?? '';
        if (next === '' || !/[a-z0-9_.]/.test(next) || (/[a-z0-9]/.test(rest[end - 1]!) && /[A-Z]/.test(next))) found.push({ length: end, score: SCORE.value });
      }
      return found;
    }
    default:
      return [{ length: 0, score: 0 }];
  }
}

/** The description and sample value (the columns from `roles[0]` on): the rest of the row. */
function freeText(rest: string, roles: readonly ColumnRole[], models: ReadonlySet<string>, sofar: Reading): Reading {
  const typeAt = sofar.cells.length > 1 ? 1 : -1;
  let score = sofar.score;
  // An empty type is read where the description names the nested type instead.
  if (typeAt === 1 && sofar.cells[1] === '' && nestedTypeName(rest)) score += SCORE.nestedNote;
  if (/^\s/.test(rest)) score += SCORE.spaceAfter;
  if (roles.length === 1) return { cells: [...sofar.cells, rest.trim()], score };
  if (roles[0] === 'description' && roles[1] === 'example' && roles.length === 2) {
    const { description, sample, sure } = splitSampleValue(rest, models);
    return { cells: [...sofar.cells, description.trim(), sample.trim()], score, ...(sure ? {} : { unsureSample: true }) };
  }
  // Other free-text layouts: everything in the first, the rest empty.
  return { cells: [...sofar.cells, rest.trim(), ...roles.slice(1).map(() => '')], score };
}
