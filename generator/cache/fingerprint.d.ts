export declare const TOOL_ROOT: string;
export declare function sourceFingerprints(root?: string): { build: string; tool: string };
