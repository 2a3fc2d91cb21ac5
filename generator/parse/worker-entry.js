// Worker thread entry when running the TypeScript sources (tests, tsx): load them through
// tsx. The CLI's precompiled bundle starts dist/<build>/worker.js instead (no tsx).
import { register } from 'tsx/esm/api';

register();
await import('./worker-thread.ts');
