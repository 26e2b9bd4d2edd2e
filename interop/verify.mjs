// Usage: node verify.mjs <credential.json> [more.json...]
// Verifies each credential with @digitalcredentials/verifier-core (the DCC wallet's verifier)
// and prints one JSON line per file:
//   {"file", "verified", "checks": {valid_signature, expiration, revocation_status, schema, ...},
//    "errors": [...], "fetches": [...], "raw": <verifier-core result>}
// A check is true/false, or null when verifier-core did not perform it. `verified` is true when
// there is no fatal error, valid_signature is true, and no expiration or *_status check is false
// or errored. `schema` and `registered_issuer` (false without registries) do not count.
// Exit code: 0 all verified, 1 otherwise, 2 usage error.
import fs from 'node:fs';
import {installFetchShim} from './lib/fetch-shim.mjs';

const files = process.argv.slice(2);
if(files.length === 0 || files.some(f => f === '-h' || f === '--help')) {
  process.stderr.write('usage: node verify.mjs <credential.json> [more.json...]\n');
  process.exit(2);
}

// verifier-core reports some problems with console.log; keep stdout for the JSON lines
console.log = console.error;
console.info = console.error;

let shim;
try {
  // must run before the verifier (and its HTTP client) is loaded
  shim = installFetchShim();
} catch(e) {
  process.stderr.write(`verify.mjs: ${e.message}\n`);
  process.exit(2);
}
const {verifyCredential} = await import('@digitalcredentials/verifier-core');

// JSON.stringify drops Error properties; keep name/message (and cause) instead of stacks.
function plain(value, seen = new WeakSet()) {
  if(value instanceof Error) {
    const out = {name: value.name, message: value.message};
    for(const [k, v] of Object.entries(value)) {
      if(k !== 'stack' && k !== 'stackTrace' && k !== 'response' && k !== 'request' &&
        k !== 'options') {
        out[k] = plain(v, seen);
      }
    }
    if(value.cause !== undefined) {
      out.cause = plain(value.cause, seen);
    }
    return out;
  }
  if(Array.isArray(value)) {
    return value.map(v => plain(v, seen));
  }
  if(value && typeof value === 'object') {
    if(seen.has(value)) {
      return '[circular]';
    }
    seen.add(value);
    const out = {};
    for(const [k, v] of Object.entries(value)) {
      out[k] = (k === 'stackTrace' || k === 'stack') ? undefined : plain(v, seen);
    }
    return out;
  }
  return value;
}

function summarize(raw) {
  const checks = {
    valid_signature: null, expiration: null, revocation_status: null, schema: null
  };
  const errors = [];
  for(const e of raw.errors ?? []) {
    errors.push({name: e.name, message: e.message});
  }
  // an error verifier-core left in place (e.g. validFrom in the future) with no log
  if(raw.error) {
    errors.push({name: raw.error.name ?? 'error', message: raw.error.message});
  }
  for(const entry of raw.log ?? []) {
    if(entry.error) {
      checks[entry.id] = false;
      errors.push({check: entry.id, name: entry.error.name, message: entry.error.message});
    } else if(checks[entry.id] !== false) {
      checks[entry.id] = entry.valid === true;
    }
  }
  if(raw.errors?.some(e => e.name === 'invalid_signature')) {
    checks.valid_signature = false;
  }
  const schemaEntry = (raw.additionalInformation ?? []).find(e => e.id === 'schema_check');
  if(schemaEntry && Array.isArray(schemaEntry.results)) {
    checks.schema = schemaEntry.results.every(r => r.result?.valid === true);
    for(const r of schemaEntry.results) {
      for(const e of r.result?.errors ?? []) {
        errors.push({check: 'schema', name: 'schema_error',
          message: `${e.instancePath || '/'} ${e.message}`});
      }
    }
  }
  const fatal = (raw.errors ?? []).length > 0 || Boolean(raw.error);
  const badStep = Object.entries(checks).some(([id, v]) =>
    (id === 'expiration' || id.endsWith('_status')) && v === false);
  const verified = !fatal && checks.valid_signature === true && !badStep;
  return {verified, checks, errors};
}

let allVerified = true;
for(const file of files) {
  shim.log.length = 0;
  let line;
  try {
    const credential = JSON.parse(fs.readFileSync(file, 'utf8'));
    const raw = plain(await verifyCredential({credential, knownDIDRegistries: []}));
    const {verified, checks, errors} = summarize(raw);
    line = {file, verified, checks, errors, fetches: [...shim.log], raw};
  } catch(e) {
    line = {
      file, verified: false, checks: {}, errors: [{name: 'input_error', message: e.message}],
      fetches: [...shim.log], raw: null
    };
  }
  allVerified &&= line.verified;
  process.stdout.write(JSON.stringify(line) + '\n');
}
process.exit(allVerified ? 0 : 1);
