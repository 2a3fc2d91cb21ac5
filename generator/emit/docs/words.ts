/**
 * The words of each locale: headings, column names, yes/no, notices. One table per
 * locale, so templates never hold text of their own and the two locales cannot drift.
 * The headings and column names are the ones the parser reads (parse/vocabulary.ts).
 */
import type { Locale } from '../../ir/types.js';

export interface LocaleWords {
  methodName: string;
  requestParameters: string;
  sampleCode: string;
  requestResponse: string;
  sampleResult: string;
  dataStructure: string;
  /** `类型：` before the response type name. */
  typeLabel: string;
  name: string;
  type: string;
  required: string;
  defaultValue: string;
  description: string;
  sampleValue: string;
  yes: string;
  no: string;
  /** Before enum values written in the example column. */
  enumValues: string;
  /** docs-to-sdk's own boilerplate, used when the docs set has none of its own. */
  comment: string;
  notice: string;
  requestTable: string;
  responseTable: string;
  modelTable: string;
}

/** Table heads in the docs-factory layout (column widths as `<div>`s, as the docs site styles them). */
function tableHeads(w: Pick<LocaleWords, 'name' | 'type' | 'required' | 'defaultValue' | 'description' | 'sampleValue'>) {
  const width = (px: number, text: string): string => `<div style="width:${px}px">${text}</div>`;
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return {
    requestTable: `${row([w.name, w.type, width(80, w.required), width(60, w.defaultValue), width(300, w.description), width(200, w.sampleValue)])}\n| ---- | ---- | ---- | ---- | ---- | ---- |`,
    responseTable: `${row([w.name, w.type, w.description])}\n| ---- | ---- | ---- |`,
    modelTable: `${row([w.name, w.type, width(80, w.required), width(300, w.description), width(200, w.sampleValue)])}\n| ---- | ---- | ---- | ---- | ---- |`,
  };
}

const COLUMNS: Record<Locale, Parameters<typeof tableHeads>[0]> = {
  zh: { name: '名称', type: '类型', required: '是否必填', defaultValue: '默认值', description: '描述', sampleValue: '示例值' },
  en: { name: 'Name', type: 'Type', required: 'Required', defaultValue: 'Default value', description: 'Description', sampleValue: 'Sample value' },
};

export const WORDS: Record<Locale, LocaleWords> = {
  zh: {
    ...COLUMNS.zh,
    ...tableHeads(COLUMNS.zh),
    methodName: '方法名称',
    requestParameters: '请求参数',
    sampleCode: '示例代码',
    requestResponse: '请求响应',
    sampleResult: '示例结果：',
    dataStructure: '数据结构',
    typeLabel: '类型：',
    enumValues: '可选枚举值：',
    yes: '是',
    no: '否',
    comment: '<!--\n  提示：本页由 docs-to-sdk 从 IR 生成。\n  请修改源文档后重新生成，不要手工编辑本页。\n-->',
    notice: '本页由 docs-to-sdk 根据源文档生成，参数与返回结果以源文档为准；如发现与接口实际行为不符，请修改源文档。',
  },
  en: {
    ...COLUMNS.en,
    ...tableHeads(COLUMNS.en),
    methodName: 'Method name',
    requestParameters: 'Request parameters',
    sampleCode: 'Sample code',
    requestResponse: 'Request response',
    sampleResult: 'Sample result:',
    dataStructure: 'Data structure',
    typeLabel: 'Type:',
    enumValues: 'Optional enumeration value: ',
    yes: 'Yes',
    no: 'No',
    comment: '<!--\n  Note: docs-to-sdk generated this page from the IR.\n  Change the source page and regenerate instead of editing it by hand.\n-->',
    notice: 'docs-to-sdk generated this page from the source docs; parameters and results follow them. If the real API behaves differently, correct the source page.',
  },
};
