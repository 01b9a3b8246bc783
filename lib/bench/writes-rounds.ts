import { performance } from "node:perf_hooks";
import { percentile } from "./percentiles";
import type { BenchLead } from "./writes-dataset";

/**
 * One round of bench:writes: N workers, each a lead (or, when the pool holds more leads than workers, a few leads
 * taking turns, so no lead's own rate limit of 10 writes a second is what the round measures), save in a closed loop
 * — the next save as soon as the last is answered — until the round's saves are done. At every moment the N saves in
 * flight are N different leads' on N different sheets.
 */

export interface RoundResult {
  concurrency: number;
  saves: number;
  failed: number;
  firstFailure: string | null;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  max: number;
}

/** A save: resolves to null when it succeeded, else what went wrong. `k`: the lead's own count of saves. */
export type SaveOnce = (lead: BenchLead, k: number) => Promise<string | null>;

export async function runRound(
  concurrency: number,
  total: number,
  pool: readonly BenchLead[],
  save: SaveOnce,
  counters: Map<number, number>,
  warmup = 2,
): Promise<RoundResult> {
  const workers = Array.from({ length: concurrency }, (_, w) => pool.filter((_, i) => i % concurrency === w));
  if (workers.some((leads) => leads.length === 0)) throw new Error(`${concurrency} workers need at least ${concurrency} leads (have ${pool.length})`);
  const next = (lead: BenchLead) => {
    const k = counters.get(lead.userId) ?? 0;
    counters.set(lead.userId, k + 1);
    return k;
  };
  await Promise.all(
    workers.map(async (leads) => {
      for (let i = 0; i < warmup; i++) await save(leads[i % leads.length]!, next(leads[i % leads.length]!)).catch(() => null);
    }),
  );

  const latencies: number[] = [];
  let started = 0;
  let failed = 0;
  let firstFailure: string | null = null;
  const start = performance.now();
  await Promise.all(
    workers.map(async (leads) => {
      for (let turn = 0; started < total; turn++) {
        started++;
        const lead = leads[turn % leads.length]!;
        const t0 = performance.now();
        // A dropped connection (the server closing an idle keep-alive socket as it is reused) is a failed save, not the end of the bench.
        const problem = await save(lead, next(lead)).catch(
          (error: unknown) => `${(error as Error).message} ${String((error as { cause?: unknown }).cause ?? "")}`,
        );
        latencies.push(performance.now() - t0);
        if (problem !== null) {
          failed++;
          firstFailure ??= problem;
        }
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return {
    concurrency,
    saves: latencies.length,
    failed,
    firstFailure,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    max: percentile(latencies, 1),
  };
}
