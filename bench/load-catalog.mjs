// Registers N data sources through the API (POST /api/datasources), CONCURRENCY at a time over
// keep-alive connections. The data is pseudo-random but seeded, so every run stores the same rows
// and the `q` terms in catalog-terms.txt match the same share of them.
//
//   node bench/load-catalog.mjs http://127.0.0.1:18080 10000 16
//
// Prints one line: `LOAD_RESULT rows=... seconds=... rps=...`; exits non-zero on any non-201.
import http from 'node:http';

const [base = 'http://127.0.0.1:8080', countArg = '10000', concurrencyArg = '16'] = process.argv.slice(2);
const count = Number(countArg);
const concurrency = Number(concurrencyArg);
const url = new URL('/api/datasources', base);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

// mulberry32: a small seeded generator, enough to spread the values.
let seed = 20241124;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];

const apps = ['orders', 'billing', 'inventory', 'payments', 'customers', 'shipping', 'catalog', 'analytics',
  'ledger', 'crm', 'payroll', 'auth', 'audit', 'search', 'reporting', 'pricing', 'loyalty', 'returns',
  'warehouse', 'invoicing', 'fulfilment', 'notifications', 'subscriptions', 'marketing', 'support',
  'identity', 'fraud', 'settlement', 'tax', 'booking', 'telemetry', 'documents', 'scheduling', 'quotes',
  'contracts', 'assets', 'procurement', 'vendors', 'claims', 'forecasting'];
const envs = ['production', 'production', 'staging', 'test', 'dev', 'dr'];
const teams = ['atlas', 'borealis', 'cobalt', 'delta', 'ember', 'falcon', 'granite', 'harbor', 'iris',
  'juniper', 'kestrel', 'lumen'];
const zones = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-southeast-1', 'onprem-fra'];
const users = ['migrator', 'etl_user', 'sync_ro', 'app_owner', 'replicator', 'dms', 'flyway', 'reporting_ro'];
const attributes = ['PRIMARY', 'PRIMARY', 'PRIMARY', 'STANDBY', 'CHILD_NODE', 'PRIMARY_STANDBY'];

function body(n) {
  const app = pick(apps);
  const env = pick(envs);
  const zone = pick(zones);
  const node = String(1 + Math.floor(random() * 20)).padStart(2, '0');
  const ip = () => `10.${Math.floor(random() * 64)}.${Math.floor(random() * 256)}.${1 + Math.floor(random() * 254)}`;
  const host = random() < 0.4 ? ip() : `pg-${app}-${node}.${zone}.corp.example`;
  const attribute = pick(attributes);
  const source = {
    identifier: `ds${String(n).padStart(5, '0')}`,
    type: 'POSTGRESQL',
    attribute,
    heartbeatEnabled: attribute.startsWith('PRIMARY') && random() < 0.3,
    host,
    port: random() < 0.8 ? 5432 : 5433 + Math.floor(random() * 100),
    username: pick(users),
    password: `pw-${Math.floor(random() * 1e12).toString(36)}-${n}`,
    databaseName: random() < 0.7 ? app : `${app}_${env === 'production' ? 'prod' : env}`,
    schemaName: random() < 0.5 ? 'public' : app,
    remarks: `${app[0].toUpperCase()}${app.slice(1)} service, ${env}, team ${pick(teams)}`,
  };
  if (attribute === 'PRIMARY_STANDBY') {
    source.standby = { host: ip(), port: 5432 };
  }
  return JSON.stringify(source);
}

function post(payload) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST', agent,
      headers: {
        'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload),
        ...(process.env.DSM_AUTHORIZATION ? { Authorization: process.env.DSM_AUTHORIZATION } : {}),
      },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`HTTP ${res.statusCode}: ${text}`))));
    });
    req.setTimeout(10000, () => req.destroy(new Error('timed out after 10 s')));
    req.on('error', reject);
    req.end(payload);
  });
}

// Bodies are made up front, in order, so the data does not depend on the interleaving of requests.
const bodies = Array.from({ length: count }, (_, i) => body(i + 1));
let next = 0;
const started = process.hrtime.bigint();
async function worker() {
  while (next < bodies.length) {
    await post(bodies[next++]);
  }
}
try {
  await Promise.all(Array.from({ length: concurrency }, worker));
} catch (e) {
  console.error(`load failed after ${next} requests: ${e.message}`);
  process.exit(1);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`LOAD_RESULT rows=${count} seconds=${seconds.toFixed(2)} rps=${(count / seconds).toFixed(0)}`);
agent.destroy();
