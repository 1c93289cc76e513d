// The side-by-side benchmark: every workload through our engine natively, our engine compiled to wasm
// in Node, and the peer interpreter (aws-local-stepfunctions) in the same Node, in one run.
//
//   node bench/run.mjs [workload ...]        (knobs: BENCH_MIN_MS, BENCH_TRIALS, BENCH_TIMEOUT_S)
//
// The wasm module is built with the benchmark's profile (wasm-bench: the page's, at opt-level 3);
// BENCH_WASM_PROFILE=wasm-release measures the page's own build (opt-level "z") instead.
//
// Builds what it needs first (workloads, native runner, wasm module, the peer's npm package), runs each
// engine on each workload in a process of its own, prints a table and writes target/bench/results.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.join(HERE, '..');
const WORKLOADS_DIR = path.join(ROOT, 'target', 'bench-workloads');
const WASM_DIR = path.join(ROOT, 'target', 'bench', 'wasm'); // measure.mjs loads it from there
const ORDER = ['pass_chain_1000', 'choice_loop_10k', 'map_1k', 'map_10k', 'map_100k', 'parallel_fanout',
  'task_chain_1000', 'intrinsics_heavy', 'big_payload'];
const TIMEOUT_S = Number(process.env.BENCH_TIMEOUT_S ?? 900);
const WASM_PROFILE = process.env.BENCH_WASM_PROFILE ?? 'wasm-bench';

const say = (msg) => process.stderr.write(`[bench] ${msg}\n`);
const sh = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], ...opts }).toString();

function build() {
  say('generating the workloads');
  sh('node', [path.join(HERE, 'gen_workloads.mjs'), WORKLOADS_DIR]);
  say('building the native runner');
  const messages = sh('cargo', ['bench', '--bench', 'native', '--no-run', '--message-format=json']);
  const native = messages.split('\n').filter(Boolean).map((l) => JSON.parse(l))
    .find((m) => m.reason === 'compiler-artifact' && m.target?.name === 'native' && m.executable)?.executable;
  say(`building the wasm module (${WASM_PROFILE} profile, bench feature)`);
  sh('cargo', ['build', '--lib', '--target', 'wasm32-unknown-unknown', '--profile', WASM_PROFILE, '--features', 'bench']);
  sh('wasm-bindgen', ['--target', 'nodejs', '--out-dir', WASM_DIR, path.join(ROOT, `target/wasm32-unknown-unknown/${WASM_PROFILE}/aslplay.wasm`)]);
  // wasm-bindgen's Node glue is CommonJS; the project's package.json says ES modules.
  fs.writeFileSync(path.join(WASM_DIR, 'package.json'), '{"type": "commonjs"}\n');
  if (!fs.existsSync(path.join(HERE, 'node_modules', 'aws-local-stepfunctions'))) {
    say('installing the peer (npm ci in bench/)');
    sh('npm', ['ci', '--no-audit', '--no-fund'], { cwd: HERE });
  }
  return native;
}

/** Runs one measurement process; its last JSON line, or an error record. */
function measure(engine, cmd, args, name) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_S * 1000);
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err = (err + d).slice(-2000); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').filter((l) => l.startsWith('{')).pop();
      try {
        resolve({ engine, ...JSON.parse(line) });
      } catch {
        resolve({ engine, workload: name, error: signal ? `killed (${signal}) after ${TIMEOUT_S} s` : `exit ${code}: ${err.trim().slice(-300)}` });
      }
    });
  });
}

function runners(native) {
  return {
    native: (name) => measure('native', native, [WORKLOADS_DIR, name], name),
    wasm: (name) => measure('wasm', process.execPath, [path.join(HERE, 'measure.mjs'), 'wasm', WORKLOADS_DIR, name], name),
    peer: (name) => measure('peer', process.execPath, [path.join(HERE, 'measure.mjs'), 'peer', WORKLOADS_DIR, name], name),
  };
}

const fmt = (x, digits = 0) => (x == null ? '—' : Number(x).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const ratio = (a, b) => (a && b ? `${fmt(a / b, 1)}×` : '—');

function table(rows, construct) {
  const lines = [
    '| workload | transitions/exec | native tr/s | wasm tr/s | peer tr/s | native exec/s | wasm exec/s | peer exec/s | wasm ÷ peer | native ÷ peer | peak RSS MB native / wasm / peer | wasm memory MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { name, native, wasm, peer } of rows) {
    const errors = [native, wasm, peer].filter((r) => r.error).map((r) => `${r.engine}: ${r.error}`);
    lines.push(`| ${name} | ${fmt(peer.transitions_per_exec ?? wasm.transitions_per_exec)} | ${fmt(native.transitions_per_s)} | ${fmt(wasm.transitions_per_s)} | ${fmt(peer.transitions_per_s)} `
      + `| ${fmt(native.exec_per_s, 2)} | ${fmt(wasm.exec_per_s, 2)} | ${fmt(peer.exec_per_s, 2)} | ${ratio(wasm.exec_per_s, peer.exec_per_s)} | ${ratio(native.exec_per_s, peer.exec_per_s)} `
      + `| ${fmt(native.peak_rss_mb, 1)} / ${fmt(wasm.peak_rss_mb, 1)} / ${fmt(peer.peak_rss_mb, 1)} | ${fmt(wasm.wasm_memory_mb, 1)} |`);
    for (const e of errors) lines.push(`|  ↳ ${e.replace(/\|/g, '/')} |||||||||||`);
  }
  lines.push('', '| reading + validating pass_chain_1000 | first (ms) | warm median (ms) |', '|---|---:|---:|');
  for (const c of construct) {
    lines.push(`| ${c.engine} | ${fmt(c.construct_validate_1000_states_ms_first, 2)} | ${fmt(c.construct_validate_1000_states_ms_median, 2)} |`);
  }
  return lines.join('\n');
}

/** The issue's targets, each with what this run measured. */
function goals(rows, construct) {
  const row = (name) => rows.find((r) => r.name === name);
  const times = (r) => (r?.wasm.exec_per_s && r?.peer.exec_per_s ? r.wasm.exec_per_s / r.peer.exec_per_s : null);
  const check = (ok, text) => `- ${ok ? '✓' : '✗'} ${text}`;
  const lagging = rows.filter((r) => !(times(r) >= 20)).map((r) => `${r.name} ${fmt(times(r), 1)}×`);
  const big = times(row('big_payload'));
  const map = row('map_100k')?.wasm.peak_rss_mb;
  const pass = row('pass_chain_1000')?.native.transitions_per_s;
  const read = construct.find((c) => c.engine === 'native')?.construct_validate_1000_states_ms_median;
  return [
    check(lagging.length === 0, `wasm ≥ 20× the peer on every workload${lagging.length ? ` (short: ${lagging.join(', ')})` : ''}`),
    check(big >= 200, `wasm ≥ 200× the peer on big_payload: ${fmt(big, 1)}×`),
    check(map < 150, `map_100k as wasm in Node under 150 MB peak RSS: ${fmt(map, 1)} MB`),
    check(pass >= 1e6, `native ≥ 1,000,000 transitions/s on pass_chain_1000: ${fmt(pass)}`),
    check(read <= 5, `reading + validating pass_chain_1000 ≤ 5 ms (native, warm median): ${fmt(read, 2)} ms`),
  ].join('\n');
}

async function main() {
  const only = process.argv.slice(2);
  const names = ORDER.filter((n) => only.length === 0 || only.includes(n));
  const run = runners(build());
  const rows = [];
  for (const name of names) {
    const row = { name };
    for (const engine of ['native', 'wasm', 'peer']) {
      say(`${name}: ${engine}`);
      row[engine] = await run[engine](name);
    }
    rows.push(row);
  }
  const construct = [];
  for (const engine of ['native', 'wasm', 'peer']) construct.push(await run[engine]('construct'));
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, `
    + `load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, wasm built with the ${WASM_PROFILE} profile`;
  const results = { date: new Date().toISOString(), machine, rows, construct };
  fs.mkdirSync(path.join(ROOT, 'target', 'bench'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'target', 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`${results.date} — ${machine}\n\n${table(rows, construct)}\n\n${goals(rows, construct)}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
