// TC3-HMAC-SHA256 signatures per second: Tencent's official SDK (Sign.sign3) against our signTc3 with
// node:crypto and with Web Crypto, each with the derived signing key cached and uncached.
// Figures only, no assertions. Needs the built package: `npx tsc -b packages/proxy/tsconfig.core.json
// packages/proxy/tsconfig.node.json` (npm install does it). Usage: node scripts/bench/signer.mjs [ms per sample]
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { nodeTc3Crypto } from '@faceid-verify/proxy/node';
import { signTc3, webTc3Crypto } from '@faceid-verify/proxy/signing';

const require = createRequire(import.meta.url);
const { sign3 } = require('tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js').default;

const SAMPLE_MS = Number(process.argv[2] ?? 300);
const ROUNDS = 7;
const secretId = 'AKIDEXAMPLEbenchSigner000000000000';
const secretKey = 'EXAMPLEbenchSignerSecretKey0000000000';
const host = 'faceid.intl.tencentcloudapi.com';
const timestamp = 1763726400;
const params = {
  RedirectURL: 'https://app.example.com/kyc/return',
  Extra: 'session-7f3a',
  Config: { CheckMode: 2, SecurityLevel: 3, AutoSkip: true, Language: 'en' },
};
const body = JSON.stringify(params);
const input = {
  secretId,
  secretKey,
  service: 'faceid',
  host,
  region: 'ap-singapore',
  action: 'ApplyWebVerificationBizTokenIntl',
  version: '2018-03-01',
  timestamp,
  body,
};
const sdkArgs = (payload) => ({
  url: `https://${host}/`,
  payload,
  timestamp,
  service: 'faceid',
  secretId,
  secretKey,
  multipart: false,
  boundary: '',
  headers: { 'Content-Type': 'application/json' },
});

// Each variant signs one request; async ones are awaited one at a time, as a proxy does per call.
const VARIANTS = {
  'official SDK Sign.sign3 (object payload, as the SDK calls it)': () => sign3(sdkArgs(params)),
  'official SDK Sign.sign3 (pre-serialised Buffer payload)': () => sign3(sdkArgs(Buffer.from(body))),
  'ours, nodeTc3Crypto, signing key cached': () => signTc3(input, { crypto: nodeTc3Crypto }),
  'ours, nodeTc3Crypto, uncached': () => signTc3(input, { crypto: nodeTc3Crypto, keyCache: null }),
  'ours, Web Crypto, signing key cached': () => signTc3(input, { crypto: webTc3Crypto }),
  'ours, Web Crypto, uncached': () => signTc3(input, { crypto: webTc3Crypto, keyCache: null }),
};

// One sample: calls per wall-clock second and per CPU second (process.cpuUsage, every thread), the latter less
// skewed by other load on a shared machine.
async function sample(fn) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let count = 0;
  while (performance.now() - started < SAMPLE_MS) {
    for (let i = 0; i < 50; i += 1) await fn();
    count += 50;
  }
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { wall: count / wall, cpu: count / ((used.user + used.system) / 1e6) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const names = Object.keys(VARIANTS);
const samples = Object.fromEntries(names.map((name) => [name, { wall: [], cpu: [] }]));

for (const name of names) await sample(VARIANTS[name]); // warm-up
for (let round = 0; round < ROUNDS; round += 1) {
  // Rotate the order so no variant always runs first or last.
  for (let i = 0; i < names.length; i += 1) {
    const name = names[(i + round) % names.length];
    const { wall, cpu } = await sample(VARIANTS[name]);
    samples[name].wall.push(wall);
    samples[name].cpu.push(cpu);
  }
}

const fmt = (n) => Math.round(n).toLocaleString('en-US').padStart(9);
const sdk = median(samples[names[0]].cpu);
console.log(
  `Node ${process.version}, ${ROUNDS} rounds of ${SAMPLE_MS} ms per variant; medians; ratio = CPU rate / SDK's`,
);
console.log(
  `  ${'variant'.padEnd(62)} ${'per wall s'.padStart(11)} ${'per CPU s'.padStart(11)} ${'µs CPU'.padStart(7)}  ratio`,
);
for (const name of names) {
  const cpu = median(samples[name].cpu);
  const wall = median(samples[name].wall);
  const line = `${fmt(wall)}/s ${fmt(cpu)}/s ${(1e6 / cpu).toFixed(1).padStart(7)}  ×${(cpu / sdk).toFixed(2)}`;
  console.log(`  ${name.padEnd(62)} ${line}`);
}
