/**
 * The description and sample-value cells of a rendered row ran together
 * (`Webhook ID6229ffaxxxxxxxxcade3e3d9`). A sample looks like a value: JSON, a URL, a
 * number, a boolean, an id (letters with digits); a description reads as words. The
 * split is made where the evidence is, and said to be unsure where there is none.
 */

export interface SampleSplit {
  description: string;
  sample: string;
  /** Whether the evidence decided the split (otherwise the likeliest was taken). */
  sure: boolean;
}

/** The trailing run of characters a sample value is written in (no spaces, ASCII). */
const TRAILING_RUN = /[\x21-\x7e]+$/;
const CJK_OR_WIDE = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** The nested-type note (`Nested type: X.`), whose data-structure name must not be cut. */
const NESTED_NOTE = /(?:嵌套类型|nest(?:ed|ing) type)\s*[:：]\s*([A-Za-z_][A-Za-z0-9_]*)/gi;

/** Splits `text`; `models` are the data-structure names a nested-type note may end with. */
export function splitSampleValue(text: string, models: ReadonlySet<string> = new Set()): SampleSplit {
  const kept = endOfNestedNote(text, models);
  if (kept === 0) return splitAfter(text);
  const { description, sample, sure } = splitAfter(text.slice(kept));
  return { description: text.slice(0, kept) + description, sample, sure };
}

/** Where the last nested-type note ends: after the longest data-structure name it starts with, and its full stop. */
function endOfNestedNote(text: string, models: ReadonlySet<string>): number {
  let end = 0;
  for (const match of text.matchAll(NESTED_NOTE)) {
    const word = match[1]!;
    const start = match.index + match[0].length - word.length;
    let length = word.length;
    while (length > 0 && !models.has(word.slice(0, length))) length -= 1;
    if (length === 0) continue;
    end = start + length;
    if (text.startsWith('[]', end)) end += 2;
    if (/^[.。]/.test(text.slice(end))) end += 1;
  }
  return end;
}

function splitAfter(text: string): SampleSplit {
  if (text.trim() === '') return { description: text, sample: '', sure: true };
  const json = jsonSuffixAt(text);
  if (json !== undefined) return { description: text.slice(0, json), sample: text.slice(json), sure: true };
  const run = TRAILING_RUN.exec(text)?.[0] ?? '';
  // Ends in other script or a space: nothing looks like a value (a sample in words cannot be told from the description).
  if (run === '') return { description: text, sample: '', sure: true };
  const before = text.slice(0, text.length - run.length);
  const glued = before !== '' && !/\s$/.test(before);
  for (const at of boundariesIn(run, glued)) {
    const sample = run.slice(at);
    // A whole word after a space that looks like a value may still end the description (`maximum 50`).
    if (looksLikeValue(sample, at > 0 ? 3 : 6)) return { description: text.slice(0, text.length - sample.length), sample, sure: glued || at > 0 };
  }
  // A run glued to Chinese text (`描述test`) is the sample: descriptions in Chinese end in their own script.
  if (glued && CJK_OR_WIDE.test(before.slice(-1))) return { description: before, sample: run, sure: true };
  // A word after a closing mark (`(opens new window)CN`) may be a sample in words.
  const afterMark = /[)）.。](?=[A-Za-z0-9]+$)/.exec(run);
  if (afterMark) {
    const at = before.length + afterMark.index + 1;
    return { description: text.slice(0, at), sample: text.slice(at), sure: false };
  }
  // A word run on to a capitalised one (`namesJohn`) may be a sample in words; else the run ends the description.
  const camel = /[a-z][A-Z]/.exec(run);
  if (camel && !/[a-z][A-Z]/.test(before)) {
    return { description: text.slice(0, before.length + camel.index + 1), sample: run.slice(camel.index + 1), sure: false };
  }
  return { description: text, sample: '', sure: !camel };
}

/** The earliest `{` or `[` from which the rest parses as a JSON object or array. */
function jsonSuffixAt(text: string): number | undefined {
  if (!/[}\]]\s*$/.test(text)) return undefined;
  for (let at = text.search(/[[{]/); at >= 0 && at < text.length; at = nextBracket(text, at + 1)) {
    try {
      const value: unknown = JSON.parse(text.slice(at));
      if (typeof value === 'object' && value !== null) return at;
    } catch {
      // not JSON from here on
    }
  }
  return undefined;
}

function nextBracket(text: string, from: number): number {
  const found = text.slice(from).search(/[[{]/);
  return found < 0 ? -1 : from + found;
}

/**
 * Where a sample may start inside the trailing run: its start when it is glued to other
 * text, and each change of kind (letters to digits, a capital run to digits or small
 * letters, punctuation to letters, the start of a URL or of a closing `true`/`false`).
 */
function boundariesIn(run: string, glued: boolean): number[] {
  const at: number[] = glued ? [0] : [];
  for (let index = 1; index < run.length; index += 1) {
    const [a, b] = [run[index - 1]!, run[index]!];
    const change =
      (/[A-Za-z]/.test(a) && (/[0-9]/.test(b) || /^[+#-][0-9]/.test(run.slice(index)))) ||
      (/[A-Z]/.test(a) && /[A-Z]/.test(run[index - 2] ?? '') && /[a-z0-9]/.test(b)) ||
      (/[.,;:!?)\]}]/.test(a) && /[\w"'[{-]/.test(b));
    if (change || /^https?:\/\/|^(?:true|false)$/i.test(run.slice(index))) at.push(index);
  }
  if (!glued) at.push(0);
  return at;
}

/** JSON scalars, URLs, e-mail addresses, dates, and ids (letters mixed with digits, at least `idLength` long). */
function looksLikeValue(text: string, idLength: number): boolean {
  if (/^(?:true|false|null)$/.test(text)) return true;
  if (/^[+-]?\d+(?:\.\d+)*$/.test(text)) return true;
  if (/^"[^"]*"$/.test(text)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(text)) return true;
  if (/^[\w.+-]+@[\w-]+\.[\w.-]+$/.test(text)) return true;
  if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?$/.test(text)) return true;
  return text.length >= idLength && /^[\w.:+-]+$/.test(text) && /\d/.test(text) && /[A-Za-z]/.test(text);
}
