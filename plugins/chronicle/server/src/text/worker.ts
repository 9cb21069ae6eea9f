/**
 * The extractor in a worker thread (node:worker_threads): receives { id, text, options },
 * answers { id, result } or { id, error }. Started by services/extraction-pool; the rules
 * themselves are in ./extract.
 */
import { parentPort } from 'node:worker_threads';
import { extract, type ExtractOptions } from './extract';

interface Job {
  id: number;
  text: string;
  options: ExtractOptions;
}

parentPort?.on('message', (job: Job) => {
  try {
    parentPort?.postMessage({ id: job.id, result: extract(job.text, job.options) });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
