// The list benchmarks of issue 21, against data bench/province.mjs generated: the built server in
// production mode on that database, signed in as officer1 (the demo county), each request kind
// for 10 s at 8 and at 32 connections (autocannon). Prints a Markdown table with req/s, p50, p95,
// p99, errors and the server's RSS; record it in docs/BENCHMARKS.md with the machine's load.
//
//   DATABASE_URL=postgres://… node bench/lists.mjs
//   node bench/lists.mjs --data-dir /tmp/county
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: 'data' },
    password: { type: 'string', default: 'Bench-Pass-2026' },
    duration: { type: 'string', default: '10' },
  },
});

const port = await new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [path.join(root, 'server/dist/main.js')], {
  env: { ...process.env, NODE_ENV: 'production', PORT: String(port), ZHIFA_DATA_DIR: values['data-dir'] },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const memory = (field) => {
  const line = readFileSync(`/proc/${server.pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Math.round(Number(line.split(/\s+/)[1]) / 1024);
};

try {
  for (let i = 0; ; i++) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 6000) throw new Error('the server did not start in 10 minutes');
    await new Promise((r) => setTimeout(r, 100));
  }
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer1', password: values.password }),
  });
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('zhifa_session='))
    .split(';')[0];
  const get = async (url) => (await fetch(`${base}${url}`, { headers: { cookie } })).json();
  const first = await get('/api/cases?pageSize=1');
  const deepPage = Math.max(1, Math.floor(first.total / 50 / 2));
  const kinds = [
    ['case list, page 1', '/api/cases?pageSize=50'],
    [`case list, page ${deepPage} (the middle)`, `/api/cases?pageSize=50&page=${deepPage}`],
    ['case list, overdue', '/api/cases?pageSize=50&overdue=true'],
    ['case list, mine, open', '/api/cases?pageSize=50&mine=true&archived=false'],
    ['case list, at 调查取证', '/api/cases?pageSize=50&stage=investigate'],
    ['one case', `/api/cases/${first.items[0].id}`],
    ['我的期限', '/api/me/deadlines'],
  ];
  console.log(
    `officer1 sees ${first.total.toLocaleString('en')} cases; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; server RSS idle ${memory('VmRSS')} MB\n`,
  );
  console.log('| request | conns | req/s | p50 ms | p97.5 ms | p99 ms | errors | RSS MB |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const connections of [8, 32])
    for (const [label, url] of kinds) {
      const result = await autocannon({
        url: `${base}${url}`,
        headers: { cookie },
        connections,
        duration: Number(values.duration),
      });
      const errors = result.errors + result.timeouts + result.non2xx;
      console.log(
        `| ${label} | ${connections} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p97_5 ?? '–'} | ${result.latency.p99} | ${errors} | ${memory('VmRSS')} |`,
      );
    }
  console.log(
    `\npeak server RSS ${memory('VmHWM')} MB; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  server.kill('SIGTERM');
}
