// Worker thread entry (plain JS so it starts without a build): load the TypeScript
// sources through tsx, read the pages it was given, post the results back.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { readPageResult } = await import('./read-page.ts');
parentPort.postMessage(workerData.map(readPageResult));
