/**
 * The words real pages use, in Chinese and English, for sections, table columns and
 * cell values. Matching is on normalized text (HTML stripped, lower case, no trailing
 * punctuation), so `<div style="width:80px">Is it required?</div>` is `is it required`.
 */
import type { ColumnRole } from '../ir/types.js';
import type { Locale } from '../ir/types.js';

export type SectionKind = 'method' | 'request' | 'sample' | 'response' | 'result' | 'models';

const SECTION_WORDS: Record<SectionKind, Record<Locale, string[]>> = {
  method: { zh: ['方法名称'], en: ['method name'] },
  request: { zh: ['请求参数'], en: ['request parameters', 'request parameter'] },
  sample: { zh: ['示例代码'], en: ['sample code', 'example code', 'code example'] },
  response: { zh: ['请求响应'], en: ['request response', 'response'] },
  result: { zh: ['示例结果'], en: ['sample result', 'example result', 'sample results'] },
  models: { zh: ['数据结构'], en: ['data structure', 'data structures'] },
};

/** Titles as they stand on their own line in plain-text pages (original casing). */
export const SECTION_TITLES = [
  '方法名称', '请求参数', '示例代码', '请求响应', '数据结构',
  'Method name', 'Request parameters', 'Sample code', 'Example code', 'Request response', 'Data structure',
];

/**
 * `find`, remembering its answer for each text (of at most MEMO_LENGTH characters; the
 * memory is cleared when it holds MEMO_SIZE): table heads, required cells and headings
 * are the same few thousand short texts over and over. Answers are shared: read-only.
 */
function remembered<T>(find: (text: string) => T): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    if (text.length > MEMO_LENGTH) return find(text);
    if (answers.has(text)) return answers.get(text)!;
    if (answers.size >= MEMO_SIZE) answers.clear();
    const answer = find(text);
    answers.set(text, answer);
    return answer;
  };
}

const MEMO_LENGTH = 64;
const MEMO_SIZE = 4096;

export const normalizeWords = remembered(normalize);

function normalize(text: string): string {
  return text
    .replace(/<[^>]*>?/g, ' ')
    .replace(/[*_`]/g, '')
    .replace(/[\s\u200b]+/g, ' ')
    .trim()
    .replace(/[?？:：。.]+$/, '')
    .trim()
    .toLowerCase();
}

export const classifySection = remembered((headingText: string) => {
  const found = findSection(headingText);
  return found && Object.freeze(found);
});

function findSection(headingText: string): { kind: SectionKind; locale: Locale } | undefined {
  const words = normalizeWords(headingText);
  for (const [kind, byLocale] of Object.entries(SECTION_WORDS) as [SectionKind, Record<Locale, string[]>][]) {
    for (const locale of ['zh', 'en'] as const) {
      if (byLocale[locale].includes(words)) return { kind, locale };
    }
  }
  return undefined;
}

export type { ColumnRole };

const COLUMN_WORDS: Record<ColumnRole, string[]> = {
  name: ['名称', 'name', '字段', '参数', '参数名', 'field', 'parameter'],
  type: ['类型', 'type'],
  required: ['是否必填', '必填', '是否必含', 'required', 'is it required', 'is required', 'must'],
  default: ['默认值', 'default value', 'default'],
  description: ['描述', '说明', 'description', 'desc'],
  example: ['示例值', '示例', 'sample value', 'example value', 'example', 'sample'],
};

export const columnRole = remembered(findRole);

function findRole(headerText: string): ColumnRole | undefined {
  const words = normalizeWords(headerText);
  for (const [role, list] of Object.entries(COLUMN_WORDS) as [ColumnRole, string[]][]) {
    if (list.includes(words)) return role;
  }
  return undefined;
}

const YES = new Set(['是', 'yes', 'y', 'true', 'required', '必填', 'is']);
const NO = new Set(['否', 'no', 'n', 'false', 'optional', '非必填', '选填']);

export function parseRequiredWord(text: string): boolean | undefined {
  const words = normalizeWords(text);
  if (YES.has(words)) return true;
  if (NO.has(words)) return false;
  return undefined;
}

/** 类型： `X` / Type: X, the response type line. */
export const RESPONSE_TYPE_LINE = /^\s*(?:类型|type)\s*[:：]\s*`?([A-Za-z_][A-Za-z0-9_]*)`?\s*$/i;

/**
 * A table without a required column (the response envelope) does not say which fields
 * may be absent, but descriptions do: "returned when the request fails", "not returned
 * for successful requests", error codes. Those fields are optional; the rest required.
 */
export const CONDITIONAL_PRESENCE = /不返回|不会出现|失败时|错误码|error code|when the (?:request|call) fails|not returned|is absent|only (?:returned )?when/i;
