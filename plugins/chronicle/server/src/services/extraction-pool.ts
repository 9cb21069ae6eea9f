/**
 * Extraction off the event loop: a small pool of worker threads running text/worker.js, so
 * a long text cannot hold up other requests while it is read. Jobs queue when every worker
 * is busy; a job that runs past its time limit has its worker ended (and replaced) and is
 * refused. Strapi-free: the service passes its configuration in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { extract, type ExtractOptions, type ExtractResult } from '../text/extract';

export interface PoolOptions {
  /** Worker threads at most (default 1). */
  size?: number;
  /** A job running longer than this is stopped, in milliseconds (default 30 s). */
  timeoutMs?: number;
}

export class ExtractionTimeout extends Error {}

interface Pending {
  id: number;
  text: string;
  options: ExtractOptions;
  resolve: (r: ExtractResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  job?: Pending;
  timer?: NodeJS.Timeout;
}

/** The compiled worker beside this module's compiled twin (dist/server/text/worker.js). */
const WORKER_FILE = path.join(__dirname, '..', 'text', 'worker.js');

export function createExtractionPool(options: PoolOptions = {}) {
  const size = Math.max(1, options.size ?? 1);
  const timeoutMs = options.timeoutMs ?? 30_000;
  // Running from TypeScript sources (unit tests) there is no worker.js: extract in-process.
  const inProcess = !fs.existsSync(WORKER_FILE);
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  let nextId = 1;

  const finish = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
    pump();
  };

  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(WORKER_FILE) };
    slot.worker.unref();
    slot.worker.on('message', (msg: { id: number; result?: ExtractResult; error?: string }) => {
      const job = slot.job;
      if (!job || job.id !== msg.id) return;
      if (msg.error !== undefined) job.reject(new Error(msg.error));
      else job.resolve(msg.result as ExtractResult);
      finish(slot);
    });
    const replace = (error: Error) => {
      const job = slot.job;
      slot.job = undefined;
      if (slot.timer) clearTimeout(slot.timer);
      const at = slots.indexOf(slot);
      if (at >= 0) slots.splice(at, 1);
      job?.reject(error);
      pump();
    };
    slot.worker.on('error', (error) => replace(error));
    slot.worker.on('exit', (code) => {
      if (slot.job) replace(new Error(`extraction worker stopped (exit code ${code})`));
      else {
        const at = slots.indexOf(slot);
        if (at >= 0) slots.splice(at, 1);
      }
    });
    slots.push(slot);
    return slot;
  };

  function pump(): void {
    while (queue.length > 0) {
      let slot = slots.find((s) => !s.job);
      if (!slot && slots.length < size) slot = spawn();
      if (!slot) return;
      const job = queue.shift() as Pending;
      slot.job = job;
      const s = slot;
      s.timer = setTimeout(() => {
        const current = s.job;
        s.job = undefined;
        const at = slots.indexOf(s);
        if (at >= 0) slots.splice(at, 1);
        void s.worker.terminate();
        current?.reject(new ExtractionTimeout(`extraction took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`));
        pump();
      }, timeoutMs);
      s.worker.postMessage({ id: job.id, text: job.text, options: job.options });
    }
  }

  return {
    run(text: string, opts: ExtractOptions): Promise<ExtractResult> {
      if (inProcess) return Promise.resolve().then(() => extract(text, opts));
      return new Promise<ExtractResult>((resolve, reject) => {
        queue.push({ id: nextId++, text, options: opts, resolve, reject });
        pump();
      });
    },
    /** Ends every worker (on Strapi's destroy). */
    async close(): Promise<void> {
      queue.splice(0).forEach((j) => j.reject(new Error('extraction pool closed')));
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}

export type ExtractionPool = ReturnType<typeof createExtractionPool>;
