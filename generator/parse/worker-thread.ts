/**
 * A page worker: reads the pages it was given, posts the results back. Loaded from the
 * bundle (scripts/build.js) or, when running the sources, through worker-entry.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readPageResult, type PageInput } from './read-page.js';

parentPort!.postMessage((workerData as PageInput[]).map(readPageResult));
