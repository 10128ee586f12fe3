import { buildDocuments } from './bench/engine';
import { measureColdStarts, coldSummary } from './bench/cold-start';
const docs = await buildDocuments();
const r = await measureColdStarts(docs.d200.doc, Number(process.argv[2] ?? 6), 90_000);
const cpu = (runs: any[]) => { const a = runs.map((x) => x.repliedCpu).sort((x, y) => x - y); const l = runs.map((x) => x.loadedCpu).sort((x, y) => x - y); return `cpu load ${l[l.length >> 1].toFixed(0)} reply ${a[a.length >> 1].toFixed(0)}`; };
for (const k of ['ours', 'naive', 'node'] as const) console.log(k, JSON.stringify(coldSummary(r[k])), cpu(r[k]), r[k].map((x) => x.status).join(','));
console.log('bytes', r.oursBytes, r.naiveBytes, 'doc', JSON.stringify(docs.d200.doc).length);
