// Usage: node bench.mjs [N]   (default N = 200, after a warm-up of 20 signs and 20 verifies)
// Benchmarks the Digital Bazaar stack (@digitalbazaar/vc + eddsa-rdfc-2022) on the 1EdTech OB 3.0
// vector credential (<fixtures>/ob3-vector/vector.json), key from its seed, offline loader.
// Checks first: the signature reproduces expectedProofValue, the signed credential verifies,
// and a tampered copy does not. Prints one JSON line:
//   {"stack": "digitalbazaar", "n", "sign_ms_per_op", "verify_ms_per_op", "node"}
import fs from 'node:fs';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {fixturesDir} from './lib/fetch-shim.mjs';
import {createOfflineLoader, keyPairFromSeed} from './lib/offline-loader.mjs';

const WARMUP = 20;
const n = process.argv[2] === undefined ? 200 : Number(process.argv[2]);
if(!Number.isInteger(n) || n <= 0 || process.argv.length > 3) {
  process.stderr.write('usage: node bench.mjs [N]\n');
  process.exit(2);
}

function fail(message) {
  process.stderr.write(`bench.mjs: ${message}\n`);
  process.exit(1);
}

const vectorFile = path.join(fixturesDir(), 'ob3-vector', 'vector.json');
if(!fs.existsSync(vectorFile)) {
  fail(`SKIPPED: ${vectorFile} not found (set CAIRN_FIXTURES)`);
}
const vector = JSON.parse(fs.readFileSync(vectorFile, 'utf8'));
const keyPair = await keyPairFromSeed(vector.secretKeySeedHex, vector.verificationMethod);
const {documentLoader, addKey} = createOfflineLoader();
addKey(keyPair);
const signSuite = new DataIntegrityProof({
  signer: keyPair.signer(), cryptosuite, date: vector.created
});
const verifySuite = new DataIntegrityProof({cryptosuite});

const sign = () => vc.issue({
  credential: structuredClone(vector.unsignedCredential), suite: signSuite, documentLoader
});
const verify = credential => vc.verifyCredential({
  credential, suite: verifySuite, documentLoader
});

// correctness first: these must hold or the timings mean nothing
const signed = await sign();
if(signed.proof?.proofValue !== vector.expectedProofValue) {
  fail(`proofValue ${signed.proof?.proofValue} != expected ${vector.expectedProofValue}`);
}
const tampered = structuredClone(signed);
tampered.name = `${tampered.name} (tampered)`;
if((await verify(tampered)).verified !== false) {
  fail('a tampered credential verified');
}
const first = await verify(signed);
if(first.verified !== true) {
  fail(`the signed vector did not verify: ${first.error?.message ?? JSON.stringify(first)}`);
}

for(let i = 0; i < WARMUP; ++i) {
  await sign();
}
for(let i = 0; i < WARMUP; ++i) {
  await verify(signed);
}

let t0 = performance.now();
for(let i = 0; i < n; ++i) {
  await sign();
}
const signMs = (performance.now() - t0) / n;

t0 = performance.now();
let ok = 0;
for(let i = 0; i < n; ++i) {
  if((await verify(signed)).verified === true) {
    ++ok;
  }
}
const verifyMs = (performance.now() - t0) / n;
if(ok !== n) {
  fail(`only ${ok} of ${n} verifications succeeded`);
}

const round = x => Math.round(x * 1000) / 1000;
process.stdout.write(JSON.stringify({
  stack: 'digitalbazaar', n, sign_ms_per_op: round(signMs), verify_ms_per_op: round(verifyMs),
  node: process.version
}) + '\n');
