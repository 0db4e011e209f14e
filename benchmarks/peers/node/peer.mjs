// The Node peers of the harness (benchmarks/peers/run):
//   - Intl.DateTimeFormat('ja-JP-u-ca-japanese', {dateStyle: 'long'}): V8's ICU formats
//     平成22年12月31日 (元年 for year 1). Intl formats only; it has no parser.
//   - @smarthr/wareki, the most downloaded wareki converter on npm (see README.md):
//     warekiToDate (parses 平成22年12月31日 and H22.12.31) and dateToWareki (formats).
//
//   TZ=UTC node peer.mjs --work DIR [--reps R] [--budget SECONDS] [--only op,op]
//
// @smarthr/wareki works in local time (new Date(y, m, d), getFullYear()): run with TZ=UTC so that
// a day is a whole number of 86,400,000 ms. The protocol is peer_common.hpp's: a checking pass
// over all items (which also warms the JIT), then timed repetitions folding each result into a
// checksum; one JSON line per operation.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { dateToWareki, warekiToDate } from '@smarthr/wareki';

const args = process.argv.slice(2);
const opt = { work: null, reps: 5, budget: 1.0, only: null };
for (let i = 0; i + 1 < args.length; i += 2) {
  const v = args[i + 1];
  if (args[i] === '--work') opt.work = v;
  else if (args[i] === '--reps') opt.reps = Number(v);
  else if (args[i] === '--budget') opt.budget = Number(v);
  else if (args[i] === '--only') opt.only = v.split(',');
  else throw new Error(`unknown argument ${args[i]}`);
}
if (!opt.work) throw new Error('--work DIR is required');
if (new Date(0).getTimezoneOffset() !== 0) throw new Error('run with TZ=UTC');

const lines = (name) => {
  const l = readFileSync(join(opt.work, name), 'utf8').split('\n');
  if (l.length && l[l.length - 1] === '') l.pop();
  return l;
};

const msPerDay = 86400000;
const version = (name) => createRequire(import.meta.url)(`${name}/package.json`).version;

function measure(op, impl, note, n, answer, fold) {
  if (opt.only && !opt.only.includes(op)) return;
  let answers = new Array(n);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; ++i) answers[i] = answer(i);
  const checkNs = Number(process.hrtime.bigint() - t0) / n;
  const file = `answers/${`${impl}.${op}.txt`.replace(/[^A-Za-z0-9._]/g, '_')}`;
  writeFileSync(join(opt.work, file), answers.join('\n') + '\n');
  answers = null;
  let timed = n;
  if (checkNs * n > opt.budget * 1e9) timed = Math.min(n, Math.max(10000, Math.floor(opt.budget * 1e9 / checkNs)));
  const ns = [], cpuNs = [];
  let checksum = 0;
  for (let r = 0; r < opt.reps; ++r) {
    let sink = 0;
    const s0 = process.hrtime.bigint(), c0 = process.cpuUsage();
    for (let i = 0; i < timed; ++i) sink += fold(i);
    const s1 = process.hrtime.bigint(), c1 = process.cpuUsage(c0);
    ns.push(Number(s1 - s0) / timed);
    cpuNs.push((c1.user + c1.system) * 1000 / timed);  // the process's CPU time (µs resolution)
    checksum += sink;
  }
  const line = { op, impl, lang: `Node ${process.versions.node}`, n, n_timed: timed,
                 ns_per_op: ns.map((x) => Math.round(x * 1000) / 1000),
                 cpu_ns_per_op: cpuNs.map((x) => Math.round(x * 1000) / 1000), checksum, answers: file };
  if (note) line.note = note;
  console.log(JSON.stringify(line));
}

const kanji = lines('kanji.txt');
const abbrev = lines('abbrev.txt');
const days = lines('days.txt').map(Number);

// A Date in local time (= UTC here) → its serial day.
const dayOf = (d) => Math.floor(d.getTime() / msPerDay);

// @smarthr/wareki: parse.
const smarthr = `@smarthr/wareki ${version('@smarthr/wareki')}`;
for (const [op, items] of [['parse_kanji', kanji], ['parse_abbrev', abbrev]]) {
  measure(op, smarthr, 'warekiToDate', items.length,
    (i) => { const r = warekiToDate(items[i]); return r.isValid ? String(dayOf(r.result)) : 'E'; },
    (i) => { const r = warekiToDate(items[i]); return r.isValid ? r.result.getTime() / msPerDay : 0; });
}

// Intl.DateTimeFormat: format.
const intl = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { dateStyle: 'long', timeZone: 'UTC' });
measure('format_kanji', `Intl.DateTimeFormat (V8, ICU ${process.versions.icu})`, "dateStyle 'long'", days.length,
  (i) => intl.format(new Date(days[i] * msPerDay)),
  (i) => { const s = intl.format(new Date(days[i] * msPerDay)); return s.length + s.charCodeAt(s.length - 1); });

// @smarthr/wareki: format (from a Date, as its README shows).
measure('format_kanji', smarthr, 'dateToWareki', days.length,
  (i) => { const r = dateToWareki(new Date(days[i] * msPerDay)); return r.isValid ? r.result : 'E'; },
  (i) => { const s = dateToWareki(new Date(days[i] * msPerDay)).result; return s.length + s.charCodeAt(s.length - 1); });
