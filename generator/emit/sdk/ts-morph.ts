/**
 * ts-morph for the SDK emitter, loaded with require(): an ESM `import` of a CommonJS
 * package makes Node scan its source for export names and sniff its format first
 * (~0.1 s for ts-morph and the TypeScript compiler it brings, on every run that prints).
 * Types still come from `import type … from 'ts-morph'`.
 */
import { createRequire } from 'node:module';

export const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');
