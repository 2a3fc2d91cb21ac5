/**
 * Issue 13: in a whole-set generation every input page comes back at its own path as it
 * was written — its notice or none, its header words, its table style (minimal or padded
 * as prettier pads it), its sections, its blank lines — and changes only where the IR
 * changed. The pages here are written for this test, one per style variant; each stands
 * for pages of a docs set not seen before.
 */
import { format, util } from 'prettier';
import { describe, expect, it } from 'vitest';
import { emitDocs } from '../../generator/emit/docs/index.js';
import type { Ir } from '../../generator/ir/types.js';
import { parsePages } from '../../generator/parse/index.js';
import { displayWidth } from '../../generator/shared/display-width.js';

interface Style {
  notice?: string;
  method?: boolean;
  sample?: boolean;
  requiredWord?: string;
  exampleWord?: string;
  lowercase?: boolean;
  title?: string;
  description?: string;
}

const EN_NOTICE = 'This page is written by hand for a test; its wording is its own.';

/** An English page of our own in the docs factory's layout, its style set by `style`. */
function enPage(style: Style = {}): string {
  const word = (text: string): string => (style.lowercase ? text.toLowerCase() : text);
  const required = word(style.requiredWord ?? 'Required');
  const example = word(style.exampleWord ?? 'Sample value');
  const lines = [
    `# ${style.title ?? 'Rename a widget'}`,
    '',
    '<!-- maintained by hand -->',
    '',
    ...(style.notice === undefined ? [] : [`> ${style.notice}`, '']),
    ...(style.description ? [style.description, ''] : []),
    ...(style.method === false ? [] : ['## Method name', '', '`ManagementClient.renameWidget`', '']),
    '## Request parameters',
    '',
    `| ${word('Name')} | ${word('Type')} | ${required} | ${word('Description')} | ${example} |`,
    '| ---- | ---- | ---- | ---- | ---- |',
    '| widgetId | string | Yes | The widget to rename | `w-1` |',
    '| label | string | No | New label, shown as 标签名称 in the console | `新的名字` |',
    '',
    ...(style.sample === false
      ? []
      : ['## Sample code', '', '```ts', "const result = await managementClient.renameWidget({ widgetId: 'w-1' });", '```', '']),
    '',
    '## Request response',
    '',
    'Type: `RenameWidgetRespDto`',
    '',
    `| ${word('Name')} | ${word('Type')} | ${word('Description')} |`,
    '| ---- | ---- | ---- |',
    '| statusCode | number | Status code |',
    '| data | <a href="#WidgetDto">WidgetDto</a> | The widget after renaming |',
    '',
    '## Data structure',
    '',
    '### <a id="WidgetDto"></a> WidgetDto',
    '',
    `| ${word('Name')} | ${word('Type')} | ${required} | ${word('Description')} | ${example} |`,
    '| ---- | ---- | ---- | ---- | ---- |',
    '| widgetId | string | Yes | Widget id | `w-1` |',
    '| label | string | Yes | 显示名称 (display label) | `小部件` |',
    '',
  ];
  return lines.join('\n');
}

const FILE = 'en/node/management/widgets/rename-widget.md';

/** A whole-set generation of the pages given: path → text of the docs target. */
function generate(pages: Record<string, string>, edit?: (ir: Ir) => void): Map<string, string> {
  const { ir } = parsePages(Object.entries(pages).map(([file, content]) => ({ file, content })));
  edit?.(ir);
  return emitDocs(ir).files;
}

const prettierMarkdown = (text: string): Promise<string> => format(text, { parser: 'markdown' });

describe('input pages come back as written, at their own path', () => {
  const variants: Record<string, string> = {
    'the docs-factory-like page': enPage({ notice: EN_NOTICE }),
    'no notice': enPage(),
    'a notice in other words': enPage({ notice: 'If the description of this document is incorrect, please refer to the V3 API.' }),
    'no method section': enPage({ notice: EN_NOTICE, method: false }),
    'no sample': enPage({ notice: EN_NOTICE, sample: false }),
    'no method section and no sample': enPage({ method: false, sample: false }),
    '`Is it required?` / `Example value`': enPage({ requiredWord: 'Is it required?', exampleWord: 'Example value' }),
    '`Is it required`': enPage({ requiredWord: 'Is it required' }),
    'lowercase headers': enPage({ lowercase: true }),
  };
  for (const [name, page] of Object.entries(variants)) {
    it(name, () => {
      expect(generate({ [FILE]: page }).get(FILE)).toBe(page);
    });
  }

  it('prettier-aligned English with wide characters', async () => {
    const page = await prettierMarkdown(enPage({ notice: EN_NOTICE, requiredWord: 'Is it required?' }));
    // Wide characters count two columns: `新的名字` (10 columns) is padded to the column's 12.
    expect(page).toContain('| label    | string | No              | New label, shown as 标签名称 in the console | `新的名字`   |');
    expect(generate({ [FILE]: page }).get(FILE)).toBe(page);
  });

  it('a page laid out without a module folder, and one with CRLF line ends', () => {
    const bare = 'en/widgets/rename-widget.md';
    expect(generate({ [bare]: enPage() }).get(bare)).toBe(enPage());
    const crlf = enPage().replace(/\n/g, '\r\n');
    expect(generate({ [FILE]: crlf }).get(FILE)).toBe(crlf);
  });

  it('a page kept under a folder of its own (`v3/en/…`) is linked from the sidebar where it is', () => {
    const kept = `v3/${FILE}`;
    const files = generate({ [kept]: enPage() });
    expect(files.get(kept)).toBe(enPage());
    const sidebar = JSON.parse(String(files.get('en/sidebar.json')));
    const paths = sidebar.flatMap((group: any) => group.tags.flatMap((tag: any) => tag.pages))[0].paths;
    expect(paths.node).toBe(`../${kept}`);
    // Pages made for the other SDK languages stand beside it, and are linked there too.
    expect(files.has(paths.python.replace('../', ''))).toBe(true);
  });

  it('pages of one operation keep their own words when they disagree', () => {
    const python = FILE.replace('/node/', '/python/');
    const other = enPage({ notice: 'Another notice.', requiredWord: 'Is it required' }).replace('The widget to rename', 'Which widget');
    const files = generate({ [FILE]: enPage({ notice: EN_NOTICE }), [python]: other });
    expect(files.get(FILE)).toBe(enPage({ notice: EN_NOTICE }));
    expect(files.get(python)).toBe(other);
  });

  it("pages missing from the input take the frame of the operation's own pages, then the docs set's", () => {
    const other = 'en/node/management/widgets/other-widget.md';
    const files = generate({
      [FILE]: enPage({ requiredWord: 'Is it required?' }),
      [other]: enPage({ notice: EN_NOTICE, title: 'Another widget' }).replace(/renameWidget/g, 'otherWidget'),
      [other.replace('other-widget', 'third-widget')]: enPage({ notice: EN_NOTICE, title: 'A third' }).replace(/renameWidget/g, 'thirdWidget'),
    });
    const python = files.get(FILE.replace('/node/', '/python/'))!;
    expect(python).not.toContain(EN_NOTICE);
    expect(python).toContain('| Name | Type | Is it required? | Description | Sample value |');
    expect(files.get(other.replace('/node/', '/python/'))).toContain(`> ${EN_NOTICE}`);
  });

  it('pages missing from the input are synthesized beside the input pages', () => {
    const bare = 'en/widgets/rename-widget.md';
    const files = generate({ 'en/node/widgets/rename-widget.md': enPage() });
    expect(files.has('en/python/widgets/rename-widget.md')).toBe(true);
    expect(files.has('zh/node/widgets/rename-widget.md')).toBe(true);
    expect(files.has(bare)).toBe(false);
  });
});

describe('an input page changes only where the IR changed', () => {
  const rows = (text: string): string[] => text.split('\n');
  const changedLines = (a: string, b: string): number[] => rows(a).flatMap((line, index) => (line === rows(b)[index] ? [] : [index]));

  it('an edited field: only its row changes (minimal table)', () => {
    const page = enPage({ notice: EN_NOTICE });
    const got = generate({ [FILE]: page }, (ir) => {
      ir.operations[0]!.request.fields.find((field) => field.name === 'label')!.description.en = 'The new label';
    }).get(FILE)!;
    const changed = changedLines(page, got);
    expect(changed).toHaveLength(1);
    expect(rows(got)[changed[0]!]).toBe('| label | string | No | The new label  | `新的名字` |');
  });

  it('an edited field: a line written right under its row (a row of its own in GFM) stays', () => {
    const note = 'Note: labels are trimmed.';
    const page = enPage().replace('| `新的名字` |\n', `| \`新的名字\` |\n${note}\n`);
    expect(page).toContain(note);
    const got = generate({ [FILE]: page }, (ir) => {
      ir.operations[0]!.request.fields.find((field) => field.name === 'label')!.description.en = 'The new label';
    }).get(FILE)!;
    expect(changedLines(page, got)).toHaveLength(1);
    expect(got).toContain(`| label | string | No | The new label  | \`新的名字\` |\n${note}\n`);
  });

  it('an edited field in a table whose first row is no field (a group row): only its row changes', () => {
    const group = '| *(widget)* | | | | |';
    const page = enPage().replace('| ---- | ---- | ---- | ---- | ---- |\n| widgetId | string | Yes | The widget to rename |', `| ---- | ---- | ---- | ---- | ---- |\n${group}\n| widgetId | string | Yes | The widget to rename |`);
    expect(page).toContain(group);
    expect(generate({ [FILE]: page }).get(FILE)).toBe(page);
    const got = generate({ [FILE]: page }, (ir) => {
      ir.operations[0]!.request.fields.find((field) => field.name === 'label')!.description.en = 'The new label';
    }).get(FILE)!;
    expect(changedLines(page, got)).toHaveLength(1);
    expect(got).toContain(`${group}\n| widgetId |`);
    expect(got).toContain('| label | string | No | The new label  | `新的名字` |');
  });

  it('an edited field in a table written without outer pipes: its new row has none either', () => {
    const bare = (line: string): string => (line.startsWith('|') ? line.replace(/^\| /, '').replace(/ \|$/, '') : line);
    const page = enPage().split('\n').map(bare).join('\n');
    expect(page).toContain('label | string | No | New label');
    const got = generate({ [FILE]: page }, (ir) => {
      ir.operations[0]!.request.fields.find((field) => field.name === 'label')!.description.en = 'The new label';
    }).get(FILE)!;
    expect(changedLines(page, got)).toHaveLength(1);
    expect(got).toContain('\nlabel | string | No | The new label  | `新的名字`\n');
  });

  it('an edited field in a CRLF page keeps CRLF on the rows written anew, padded or not', async () => {
    const edit = (ir: Ir) => {
      ir.operations[0]!.request.fields.find((field) => field.name === 'label')!.description.en = 'The new label';
      ir.models.find((m) => m.name === 'WidgetDto')!.fields.find((field) => field.name === 'label')!.description.en = 'A longer display label';
    };
    for (const page of [enPage(), await prettierMarkdown(enPage())].map((text) => text.replace(/\n/g, '\r\n'))) {
      const got = generate({ [FILE]: page }, edit).get(FILE)!;
      expect(got).not.toBe(page);
      expect(got.split('\n').slice(0, -1).every((line) => line.endsWith('\r'))).toBe(true);
      expect(got.endsWith('\r\n') || !page.endsWith('\r\n')).toBe(true);
    }
  });

  it('an edited field in a padded table: the table is re-aligned exactly as prettier aligns it', async () => {
    const page = await prettierMarkdown(enPage({ requiredWord: 'Is it required?' }));
    const got = generate({ [FILE]: page }, (ir) => {
      const model = ir.models.find((m) => m.name === 'WidgetDto')!;
      model.fields.find((field) => field.name === 'label')!.description.en = '小部件的显示名称，比原来的更长';
    }).get(FILE)!;
    expect(got).not.toBe(page);
    expect(got).toBe(await prettierMarkdown(got));
    // Only the data-structure table changed.
    const table = (text: string): string => text.slice(text.indexOf('### <a id="WidgetDto">'));
    expect(got.slice(0, got.indexOf('### <a id="WidgetDto">'))).toBe(page.slice(0, page.indexOf('### <a id="WidgetDto">')));
    expect(table(got)).toContain('小部件的显示名称，比原来的更长');
  });

  it('an added field lands in the table, a removed one leaves it; the rest stays', () => {
    const page = enPage({ notice: EN_NOTICE });
    const got = generate({ [FILE]: page }, (ir) => {
      const request = ir.operations[0]!.request;
      request.fields = request.fields.filter((field) => field.name !== 'label');
      request.fields.push({ name: 'color', type: { kind: 'string' }, required: false, description: { en: 'Widget colour' }, example: 'red' });
    }).get(FILE)!;
    expect(got).toBe(page.replace('| label | string | No | New label, shown as 标签名称 in the console | `新的名字` |', '| color | string | No | Widget colour  | `red` |'));
  });
});

describe('display width', () => {
  it("counts columns as prettier's own getStringWidth does", () => {
    const samples = ['abc', '名称 | 类型', 'e\u0301x', '👍 ok', '🇨🇳', 'é', '①②', 'ｱｲ', 'ＡＢ', '가나', '\u200b', '☺️', '`新的名字`', 'Ж', '\t'];
    for (const text of samples) expect(displayWidth(text), JSON.stringify(text)).toBe(util.getStringWidth(text));
  });
});
