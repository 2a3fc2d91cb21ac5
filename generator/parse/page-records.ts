/**
 * Page shapes → the IR's page records: each input page's parts, its rows stamped with the
 * print of the field they show in the IR just assembled (ir/prints.ts), so the docs
 * emitter can tell a row the IR left alone from one it changed. Parts many pages share
 * (the six SDK languages' copies of a table) are stored once.
 */
import { compareStrings } from '../ir/diagnostics.js';
import { fieldPrints } from '../ir/prints.js';
import type { Field, Ir, PagePart, PageRecord, PageTable } from '../ir/types.js';
import type { PageDoc } from './page.js';

export function pageRecords(groups: ReadonlyMap<string, readonly PageDoc[]>, ir: Pick<Ir, 'operations' | 'models'>): Pick<Ir, 'pages' | 'pageParts'> {
  const operations = new Map(ir.operations.map((operation) => [operation.id, operation]));
  const models = new Map(ir.models.map((model) => [model.name, model]));
  const pages: PageRecord[] = [];
  const pageParts: PagePart[] = [];
  const print = fieldPrints();
  // Text parts keyed by their own string (no copy to build a key); tables by a joined key, not JSON: ~9 MB pass here.
  const pooledTexts = new Map<string, number>();
  const pooledTables = new Map<string, number>();
  const pool = (part: PagePart): number => {
    const [pooled, key] = 'text' in part ? [pooledTexts, part.text] : [pooledTables, tableKey(part.table)];
    let index = pooled.get(key);
    if (index === undefined) pooled.set(key, (index = pageParts.push(part) - 1));
    return index;
  };
  for (const id of [...groups.keys()].sort(compareStrings)) {
    const operation = operations.get(id);
    if (!operation) continue;
    const fieldsOf = (of: string): Field[] =>
      of === 'request' ? operation.request.fields : of === 'response' ? operation.response.fields : (models.get(of.slice('model:'.length))?.fields ?? []);
    for (const page of [...groups.get(id)!].sort((a, b) => compareStrings(a.file, b.file))) {
      if (!page.shape) continue;
      const tables = page.shape.flatMap((part) => ('table' in part ? [part.table] : []));
      // The last table of a kind is where the emitter adds fields the IR gains: it records those the IR had but the page left out.
      const last = new Map(tables.map((table) => [table.of, table]));
      const shownOf = new Map<string, Set<string | undefined>>();
      for (const table of tables) for (const row of table.rows) (shownOf.get(table.of) ?? shownOf.set(table.of, new Set()).get(table.of)!).add(row.field);
      const parts = page.shape.map((part) => {
        if ('text' in part) return pool(part);
        const fields = new Map(fieldsOf(part.table.of).map((field) => [field.name, field]));
        const rows = part.table.rows.map((row) => {
          const field = row.field === undefined ? undefined : fields.get(row.field);
          return field ? { ...row, print: print(field, page.locale) } : { text: row.text };
        });
        const shown = shownOf.get(part.table.of)!;
        const omitted = last.get(part.table.of) === part.table ? [...fields.keys()].filter((name) => !shown.has(name)) : [];
        return pool({ table: { ...part.table, rows, ...(omitted.length > 0 ? { omitted } : {}) } });
      });
      pages.push({ file: page.file, locale: page.locale, ...(page.sdk ? { sdk: page.sdk } : {}), operation: id, parts });
    }
  }
  return pages.length > 0 ? { pages, pageParts } : {};
}

/** Everything a table part holds, as one string (columns and style follow from the head and rows). */
function tableKey(table: PageTable): string {
  const rows = table.rows.map((row) => `${row.field ?? ''}\u0001${row.print ?? ''}\u0001${row.text}`).join('\u0002');
  return `${table.of}\u0003${table.head}\u0003${table.omitted?.join('\u0001') ?? ''}\u0003${rows}`;
}
