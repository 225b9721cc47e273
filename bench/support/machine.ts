import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

/** What the figures were measured on: they mean little without it. */
export interface MachineFacts {
  cpuModel: string;
  cores: number;
  ramGiB: number;
  node: string;
  redis: string;
  bolt: string;
}

export function machineFacts(boltVersion: string): MachineFacts {
  let redis = 'unknown';
  try {
    const out = execFileSync('redis-server', ['--version'], { encoding: 'utf8' });
    redis = /v=([\d.]+)/.exec(out)?.[1] ?? out.trim();
  } catch {
    // reported as unknown
  }
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    ramGiB: totalmem() / 1024 ** 3,
    node: process.version,
    redis,
    bolt: boltVersion,
  };
}

/** 1, 5 and 15-minute load averages, rounded: the machine is shared, so this is part of every figure. */
export function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');
}
