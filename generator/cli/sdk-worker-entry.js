// SDK worker entry when running the TypeScript sources (tests, tsx): load them through
// tsx. The CLI's precompiled bundle starts dist/<build>/sdk-worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./sdk-worker.ts');
