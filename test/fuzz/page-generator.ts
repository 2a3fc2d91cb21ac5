/**
 * fast-check arbitraries for docs sets nobody has seen: docs-factory-style pages (zh/en,
 * six SDK languages) of random operations and data structures, with names that are hard
 * on an SDK (TS reserved words, runtime symbols, unicode, names equal up to case, a
 * response type named like a model), references to models no page defines, and optional
 * damage (mutations.ts: repeated rows, broken tables and fences …) on chosen pages.
 * A spec is plain data, so fast-check prints and shrinks it; `writeDocsSet` makes pages.
 */
import fc from 'fast-check';
import type { PageInput } from '../../generator/parse/index.js';
import { MUTATION_KINDS, MUTATIONS, type MutationKind } from './mutations.js';
import { seededRng } from './prng.js';

type Locale = 'zh' | 'en';
type Sdk = 'node' | 'python' | 'java' | 'go' | 'php' | 'csharp';
type Module = 'management' | 'authentication';

export type TypeSpec =
  | { kind: 'string' | 'number' | 'boolean' | 'string[]' | 'object' }
  | { kind: 'ref' | 'refs'; name: string };

export interface FieldSpec {
  name: string;
  type: TypeSpec;
  required: boolean;
  enum?: string[];
}

export interface ModelSpec {
  name: string;
  fields: FieldSpec[];
}

export interface OperationSpec {
  module: Module;
  tag: string;
  slug: string;
  method: string;
  query: boolean;
  request: FieldSpec[];
  responseType: string;
  data?: TypeSpec;
  pages: { locale: Locale; sdk: Sdk }[];
}

export interface DamageSpec {
  /** Index into the set's pages (modulo their number). */
  page: number;
  kind: MutationKind;
  seed: number;
}

export interface DocsSetSpec {
  models: ModelSpec[];
  /** Names fields refer to that no page defines. */
  missing: string[];
  operations: OperationSpec[];
  damage: DamageSpec[];
}

const LOCALES: Locale[] = ['zh', 'en'];
const SDKS: Sdk[] = ['node', 'python', 'java', 'go', 'php', 'csharp'];

const identifier = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,7}$/);
const pascal = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Field names: plain, reserved words, runtime and prototype names, case twins, punctuation, unicode. */
const FIELD_NAMES = [
  'id', 'userId', 'UserId', 'userid', 'class', 'default', 'delete', 'new', 'function', 'constructor', '__proto__',
  'toString', 'then', 'request', 'Promise', 'x-authing-app-id', 'zh-CN', 'a.b', '@type', '$ref', '名称', 'café', '_', 'data',
];
const fieldName = fc.oneof({ arbitrary: fc.constantFrom(...FIELD_NAMES), weight: 2 }, { arbitrary: identifier, weight: 3 });

/** Model names: Authing-like, case twins, globals and runtime symbols, reserved words, unicode. */
const MODEL_NAMES = [
  'UserDto', 'userDto', 'USERDTO', 'UserDTO', 'WebhookDto', 'Promise', 'Array', 'String', 'Models', 'ApiError', 'HttpClient',
  'ManagementClient', 'ManagementClientBase', 'AuthenticationClientBase', 'AbortSignal', 'default', 'class', 'Any', 'IsSuccessRespDto', 'GetUserRespDto', 'getUserRespDto', '用户Dto', 'Ünicode',
];
const modelName = fc.oneof({ arbitrary: fc.constantFrom(...MODEL_NAMES), weight: 2 }, { arbitrary: identifier.map((name) => `${pascal(name)}Dto`), weight: 2 });

const METHOD_NAMES = ['getUser', 'GetUser', 'getuser', 'delete', 'request', 'constructor', 'class', 'then', 'listUsers', 'createWebhook'];
// Mostly from a small pool, so operations share names (and so request type names) often.
const methodName = fc.oneof({ arbitrary: fc.constantFrom(...METHOD_NAMES), weight: 3 }, { arbitrary: identifier, weight: 1 });
const SLUGS = ['get-user', 'list-users', 'delete', 'create-webhook', 'request'];
const slug = fc.oneof(fc.constantFrom(...SLUGS), fc.stringMatching(/^[a-z]{1,6}(-[a-z0-9]{1,5}){0,2}$/));
const ENUM_VALUES = ['a', 'A', 'a-b', 'a_b', 'application/json', '1st', 'class', 'default', '中文', 'x y'];

function typeSpec(refNames: string[]): fc.Arbitrary<TypeSpec> {
  const primitive = fc.constantFrom<TypeSpec>({ kind: 'string' }, { kind: 'number' }, { kind: 'boolean' }, { kind: 'string[]' }, { kind: 'object' });
  if (refNames.length === 0) return primitive;
  const ref = fc.record({ kind: fc.constantFrom<'ref' | 'refs'>('ref', 'refs'), name: fc.constantFrom(...refNames) });
  return fc.oneof(primitive, ref);
}

function fieldSpecs(refNames: string[], maxLength: number): fc.Arbitrary<FieldSpec[]> {
  const field = fc.record(
    {
      name: fieldName,
      type: typeSpec(refNames),
      required: fc.boolean(),
      enum: fc.uniqueArray(fc.constantFrom(...ENUM_VALUES), { minLength: 1, maxLength: 4 }),
    },
    { requiredKeys: ['name', 'type', 'required'] },
  );
  return fc.uniqueArray(field, { maxLength, selector: (spec) => spec.name });
}

export interface DocsSetOptions {
  /** Damage pages (default true); the naming-stability property wants clean pages. */
  damage?: boolean;
  minOperations?: number;
}

export function docsSetSpec(options: DocsSetOptions = {}): fc.Arbitrary<DocsSetSpec> {
  const names = fc.record({
    models: fc.uniqueArray(modelName, { maxLength: 4 }),
    missing: fc.uniqueArray(modelName, { maxLength: 1 }),
  });
  return names.chain(({ models, missing }) => {
    const refNames = [...models, ...missing.filter((name) => !models.includes(name))];
    const operation: fc.Arbitrary<OperationSpec> = fc.record({
      module: fc.constantFrom<Module>('management', 'authentication'),
      tag: fc.constantFrom('管理用户', '管理-webhook', 'other'),
      slug,
      method: methodName,
      query: fc.boolean(),
      request: fieldSpecs(refNames, 4),
      responseType: fc.oneof(methodName.map((name) => `${pascal(name)}RespDto`), modelName),
      data: fc.option(typeSpec(refNames), { nil: undefined }),
      pages: fc.uniqueArray(fc.record({ locale: fc.constantFrom(...LOCALES), sdk: fc.constantFrom(...SDKS) }), {
        minLength: 1,
        maxLength: 3,
        selector: (page) => `${page.locale}/${page.sdk}`,
      }),
    }, { requiredKeys: ['module', 'tag', 'slug', 'method', 'query', 'request', 'responseType', 'pages'] });
    return fc.record({
      models: fc.tuple(...models.map((name) => fieldSpecs(refNames, 3).map((fields) => ({ name, fields })))),
      missing: fc.constant(missing.filter((name) => !models.includes(name))),
      // Distinct paths (pages of two operations at one path could not both exist); a slug may repeat under another tag.
      operations: fc.uniqueArray(operation, {
        minLength: options.minOperations ?? 1,
        maxLength: 4,
        selector: (op) => `${op.module}/${op.tag}/${op.slug}`,
      }),
      damage:
        options.damage === false
          ? fc.constant([])
          : fc.array(fc.record({ page: fc.nat(), kind: fc.constantFrom(...MUTATION_KINDS), seed: fc.nat() }), { maxLength: 4 }),
    });
  });
}

/** The spec's pages: one per operation × (locale, SDK), damaged as the spec says (in file order). */
export function writeDocsSet(spec: DocsSetSpec): PageInput[] {
  const pages = new Map<string, string>();
  for (const operation of spec.operations) {
    for (const { locale, sdk } of operation.pages) {
      pages.set(`${locale}/${sdk}/${operation.module}/${operation.tag}/${operation.slug}.md`, writePage(spec, operation, locale, sdk));
    }
  }
  const files = [...pages.keys()].sort();
  for (const { page, kind, seed } of spec.damage) {
    const file = files[page % files.length]!;
    const lines = MUTATIONS[kind](pages.get(file)!.split('\n'), seededRng(seed));
    if (lines) pages.set(file, lines.join('\n'));
  }
  return files.map((file) => ({ file, content: Buffer.from(pages.get(file)!) }));
}

const WORDS = {
  zh: {
    method: '方法名称', request: '请求参数', sample: '示例代码', response: '请求响应', result: '示例结果：', models: '数据结构',
    type: '类型', required: ['是', '否'], data: '响应数据', nested: '嵌套类型', enum: '可选值',
    requestHead: '| 名称 | 类型 | <div style="width:80px">是否必填</div> | <div style="width:60px">默认值</div> | <div style="width:300px">描述</div> | <div style="width:200px">示例值</div> |',
    responseHead: '| 名称 | 类型 | 描述 |',
    modelHead: '| 名称 | 类型 | <div style="width:80px">是否必填</div> | <div style="width:300px">描述</div> | <div style="width:200px">示例值</div> |',
    summary: '操作',
    status: '业务状态码',
  },
  en: {
    method: 'Method name', request: 'Request parameters', sample: 'Sample code', response: 'Request response', result: 'Sample result:', models: 'Data structure',
    type: 'Type', required: ['Yes', 'No'], data: 'Response data', nested: 'Nested type', enum: 'Optional values',
    requestHead: '| Name | Type | <div style="width:80px">Required</div> | <div style="width:60px">Default value</div> | <div style="width:300px">Description</div> | <div style="width:200px">Sample value</div> |',
    responseHead: '| Name | Type | Description |',
    modelHead: '| Name | Type | <div style="width:80px">Is it required</div> | <div style="width:300px">Description</div> | <div style="width:200px">Sample value</div> |',
    summary: 'Operation',
    status: 'Business status code',
  },
} as const;

const delimiterOf = (head: string): string => head.replace(/[^|]+/g, ' ---- ').trim();

function typeCell(type: TypeSpec): string {
  if (type.kind === 'ref') return `<a href="#${type.name}">${type.name}</a>`;
  if (type.kind === 'refs') return 'array';
  return type.kind;
}

function descriptionCell(field: FieldSpec, words: (typeof WORDS)[Locale]): string {
  const parts = [`${field.name} ${words.type}`];
  if (field.type.kind === 'refs') parts.push(`${words.nested}：<a href="#${field.type.name}">${field.type.name}</a>。`);
  if (field.enum) parts.push(`${words.enum}：${field.enum.map((value) => `\`${value}\``).join(', ')}`);
  return parts.join(' ');
}

/** The models a page lists: every one its tables refer to, transitively, in first-reference order. */
function modelsOnPage(spec: DocsSetSpec, operation: OperationSpec): ModelSpec[] {
  const byName = new Map(spec.models.map((model) => [model.name, model]));
  const listed: ModelSpec[] = [];
  const visit = (type: TypeSpec | undefined): void => {
    if (!type || (type.kind !== 'ref' && type.kind !== 'refs')) return;
    const model = byName.get(type.name);
    if (!model || listed.includes(model)) return;
    listed.push(model);
    for (const field of model.fields) visit(field.type);
  };
  for (const field of operation.request) visit(field.type);
  visit(operation.data);
  return listed;
}

function writePage(spec: DocsSetSpec, operation: OperationSpec, locale: Locale, sdk: Sdk): string {
  const words = WORDS[locale];
  const client = operation.module === 'management' ? 'ManagementClient' : 'AuthenticationClient';
  const method = sdk === 'python' ? operation.method.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`) : operation.method;
  const [yes, no] = words.required;
  const lines = [
    `# ${words.summary} ${operation.slug}`,
    '',
    '<!-- generated by authing-docs-factory: do not edit -->',
    '',
    '<LastUpdated />',
    '',
    `> docs-factory ${operation.slug}`,
    '',
    `## ${words.method}`,
    '',
    `\`${client}.${method}\``,
    '',
    `## ${words.request}`,
    '',
    words.requestHead,
    delimiterOf(words.requestHead),
    ...operation.request.map((field) => {
      const row = `| ${field.name} | ${typeCell(field.type)} | ${field.required ? yes : no} | - | ${descriptionCell(field, words)} | \`${field.enum?.[0] ?? 'x'}\` |`;
      return operation.query ? ` ${row.replace(/ \| /, ' |  ')}` : row;
    }),
    '',
    `## ${words.sample}`,
    '',
    '```ts',
    `const result = await ${client.charAt(0).toLowerCase()}${client.slice(1)}.${method}({});`,
    '```',
    '',
    `## ${words.response}`,
    '',
    `${words.type}： \`${operation.responseType}\``,
    '',
    words.responseHead,
    delimiterOf(words.responseHead),
    `| statusCode | number | ${words.status} |`,
    `| message | string | message |`,
    ...(operation.data ? [`| data | ${typeCell(operation.data)} | ${words.data}${operation.data.kind === 'refs' ? ` ${words.nested}：<a href="#${operation.data.name}">${operation.data.name}</a>。` : ''} |`] : []),
    '',
    words.result,
    '',
    '```json',
    '{ "statusCode": 200, "message": "ok" }',
    '```',
    '',
  ];
  const models = modelsOnPage(spec, operation);
  if (models.length > 0) {
    lines.push(`## ${words.models}`, '');
    for (const model of models) {
      lines.push(`### <a id="${model.name}"></a> ${model.name}`, '', words.modelHead, delimiterOf(words.modelHead));
      for (const field of model.fields) {
        lines.push(`| ${field.name} | ${typeCell(field.type)} | ${field.required ? yes : no} | ${descriptionCell(field, words)} | \`${field.enum?.[0] ?? 'x'}\` |`);
      }
      lines.push('');
    }
  }
  return `${lines.join('\n')}\n`;
}
