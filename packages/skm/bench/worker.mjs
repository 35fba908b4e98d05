// One benchmark run in its own process, so its peak memory (maxRSS) is its own.
// Usage: node bench/worker.mjs <memory|objects|csv> <responses> [csv-file] [by]
import { createReadStream, statSync } from 'node:fs';
import { readCsvResponses, SkmAccumulator, scoreAccumulator, UNSUR_CODES } from '../dist/index.js';

const [mode, sizeArg, file, by] = process.argv.slice(2);
const size = Number(sizeArg);

/** xorshift32: fast, deterministic answers. */
let seed = 0x9e3779b9;
const next = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return seed >>> 0;
};
// Answers 1–4, 3 and 4 most common; 1 in 64 left blank.
const answer = () => {
  const r = next() & 63;
  return r === 0 ? 0 : r < 6 ? 1 : r < 16 ? 2 : r < 40 ? 3 : 4;
};

let result;
// CPU time as well as wall time: the machine is shared, and CPU seconds show what the code
// costs when other processes compete for the two cores.
let cpu0 = process.cpuUsage();
const cpuSeconds = () => {
  const d = process.cpuUsage(cpu0);
  return (d.user + d.system) / 1e6;
};
if (mode === 'memory' || mode === 'memory-array') {
  // memory: answers generated into one reused buffer of 1M responses, so memory stays flat as
  // the count grows; memory-array: all responses generated up front in one array (9 bytes each).
  const slice = 1_000_000;
  const whole = mode === 'memory-array';
  const packed = new Uint8Array((whole ? size : Math.min(slice, size)) * 9);
  const fill = (n) => {
    for (let i = 0; i < n * 9; i++) packed[i] = answer();
  };
  if (whole) fill(size);
  const acc = new SkmAccumulator();
  let seconds = 0;
  let cpu = 0;
  for (let start = 0; start < size; start += slice) {
    const n = Math.min(slice, size - start);
    if (!whole) fill(n);
    cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    if (whole) acc.addPacked(packed, start, n);
    else acc.addPacked(packed, 0, n);
    seconds += Number(process.hrtime.bigint() - t0) / 1e9;
    cpu += cpuSeconds();
  }
  result = { seconds, cpu, ikm: scoreAccumulator(acc).ikmText, respondents: acc.respondents };
} else if (mode === 'objects') {
  const version = 'permenpanrb-14-2017';
  const acc = new SkmAccumulator();
  let seconds = 0;
  let cpu = 0;
  const chunk = 100_000;
  for (let done = 0; done < size; done += chunk) {
    const batch = [];
    for (let i = 0; i < Math.min(chunk, size - done); i++) {
      const answers = {};
      for (const c of UNSUR_CODES) answers[c] = answer() || null;
      batch.push({ questionnaire: version, answers });
    }
    cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (const r of batch) acc.add(r);
    seconds += Number(process.hrtime.bigint() - t0) / 1e9;
    cpu += cpuSeconds();
  }
  result = { seconds, cpu, ikm: scoreAccumulator(acc).ikmText, respondents: acc.respondents };
} else if (mode === 'csv') {
  cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const read = await readCsvResponses(createReadStream(file, { highWaterMark: 1 << 20 }), {
    by: by ? by.split(',') : [],
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = cpuSeconds();
  if (read.errorCount > 0) throw new Error(`benchmark file has ${read.errorCount} bad rows`);
  let respondents = 0;
  for (const { acc } of read.grouped.groups.values()) respondents += acc.respondents;
  const first = [...read.grouped.groups.values()][0];
  result = {
    seconds,
    cpu,
    respondents,
    groups: read.grouped.groups.size,
    ikm: by ? null : scoreAccumulator(first.acc).ikmText,
    bytes: statSync(file).size,
  };
} else {
  throw new Error(`unknown mode ${mode}`);
}
if (result.respondents !== size) throw new Error(`scored ${result.respondents}, expected ${size}`);
const maxRssMiB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ mode, size, by: by ?? null, ...result, maxRssMiB })}\n`);
