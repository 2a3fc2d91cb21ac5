/**
 * Client options the docs' node samples pass and no table states (issue 14): a sample's
 * `new AuthenticationClient({ …, protocol: 'oidc' })` says the client takes `protocol`, a
 * string. Each top-level property of a constructor's object literal with a literal value
 * (string, number, boolean) is an option of that class; a value of any other form (a
 * variable, `process.env.X`) says nothing of the type and is left to the type check.
 * Samples that disagree on an option's type: SAMPLE_OPTION_TYPE_CONFLICT, the option then
 * takes every type they give.
 */
import { compareStrings, type DiagnosticSink } from '../ir/diagnostics.js';
import type { ClientOption, PrimitiveKind, Sample, SourceRef } from '../ir/types.js';

type OptionKind = Extract<PrimitiveKind, 'string' | 'number' | 'boolean'>;

const CONSTRUCTION = /new\s+(?<className>[A-Z][\w$]*)\s*\(\s*\{/g;
const PROPERTY = /(?:^|[{,]\s*)(?:(?<bare>[A-Za-z_$][\w$]*)|'(?<single>[^'\n]*)'|"(?<double>[^"\n]*)")\s*:\s*(?<value>'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`[^`$]*`|-?\d[\d_.eE+-]*|true|false)\s*(?=[,}\n])/dg;

export function clientOptionsFromSamples(samples: readonly Sample[], sinkFor: (file: string) => DiagnosticSink): ClientOption[] {
  const found = new Map<string, { client: string; name: string; kinds: OptionKind[]; sources: SourceRef[] }>();
  for (const sample of samples) {
    if (sample.sdk !== 'node' || !sample.source) continue;
    const sampleSource = sample.source;
    for (const { className, text, start } of constructions(sample.code)) {
      for (const match of topLevel(text).matchAll(PROPERTY)) {
        const { bare, single, double, value } = match.groups!;
        const name = bare ?? single ?? double!;
        const kind = kindOf(value!);
        const at = match.indices!.groups![bare !== undefined ? 'bare' : single !== undefined ? 'single' : 'double']![0];
        const source = { file: sampleSource.file, line: sampleSource.line + lineOf(sample.code, start + at) };
        const key = `${className}\0${name}`;
        const known = found.get(key);
        if (!known) {
          found.set(key, { client: className, name, kinds: [kind], sources: [source] });
          continue;
        }
        if (!known.sources.some((seen) => seen.file === source.file && seen.line === source.line)) known.sources.push(source);
        if (known.kinds.includes(kind)) continue;
        const first = known.sources[0]!;
        sinkFor(source.file).warning(
          'SAMPLE_OPTION_TYPE_CONFLICT',
          source.line,
          `sample passes ${className} option "${name}" as a ${kind}, ${first.file}:${first.line} as a ${known.kinds.join(' or ')}; the option takes either`,
        );
        known.kinds.push(kind);
      }
    }
  }
  return [...found.values()]
    .sort((a, b) => compareStrings(a.client, b.client) || compareStrings(a.name, b.name))
    .map(({ client, name, kinds, sources }) => ({
      client,
      name,
      types: [...kinds].sort(compareStrings).map((kind) => ({ kind })),
      derived: 'sample' as const,
      sources,
    }));
}

/** Each `new X({ … })` of the code: X, the object literal's inner text, where that text starts. */
function constructions(code: string): { className: string; text: string; start: number }[] {
  const found: { className: string; text: string; start: number }[] = [];
  for (const match of code.matchAll(CONSTRUCTION)) {
    const open = match.index + match[0].length - 1;
    const close = closingBrace(code, open);
    if (close !== undefined) found.push({ className: match.groups!.className!, text: code.slice(open, close + 1), start: open });
  }
  return found;
}

function closingBrace(code: string, open: number): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let index = open; index < code.length; index += 1) {
    const char = code[index]!;
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"' || char === '`') quote = char;
    else if (char === '{' || char === '[' || char === '(') depth += 1;
    else if ((char === '}' || char === ']' || char === ')') && --depth === 0) return index;
  }
  return undefined;
}

/**
 * The object literal with its comments, nested brackets and their contents blanked (same
 * length, so indices still point into the code): only its own properties are left to match.
 */
function topLevel(text: string): string {
  const out = [...text];
  const blank = (from: number, to: number): void => {
    for (let at = from; at < to; at += 1) if (out[at] !== '\n') out[at] = ' ';
  };
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    const start = index;
    if (char === "'" || char === '"' || char === '`') {
      for (index += 1; index < text.length && text[index] !== char; index += 1) if (text[index] === '\\') index += 1;
      if (depth > 1) blank(start, index + 1);
    } else if (char === '/' && (text[index + 1] === '/' || text[index + 1] === '*')) {
      const close = text[index + 1] === '/' ? text.indexOf('\n', index) : text.indexOf('*/', index + 2) + 2;
      index = (close <= 1 || close === -1 ? text.length : close) - 1;
      blank(start, index + 1);
    } else if (char === '{' || char === '[' || char === '(') {
      depth += 1;
      if (depth > 1) blank(index, index + 1);
    } else if (char === '}' || char === ']' || char === ')') {
      if (depth > 1) blank(index, index + 1);
      depth -= 1;
    } else if (depth > 1) blank(index, index + 1);
  }
  return out.join('');
}

function kindOf(value: string): OptionKind {
  if (value === 'true' || value === 'false') return 'boolean';
  return /^['"`]/.test(value) ? 'string' : 'number';
}

const lineOf = (code: string, index: number): number => code.slice(0, index).split('\n').length - 1;
