// Target worker entry when running the TypeScript sources (tests, tsx): load them through
// tsx. The CLI's precompiled bundle starts dist/<build>/target-worker.cjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./target-worker.ts');
