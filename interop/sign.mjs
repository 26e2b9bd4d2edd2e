// Usage: node sign.mjs <unsigned.json> <seedHex> <verificationMethod> <created>
// Signs the credential with @digitalbazaar/vc + DataIntegrityProof/eddsa-rdfc-2022 using an
// offline document loader (lib/offline-loader.mjs) and prints the signed credential as JSON.
// The key comes from the 32-byte seed; the VM's controller is the part before '#'
// (did:key VMs must match the seed). Exit code: 0 signed, 1 signing failed, 2 usage error.
import fs from 'node:fs';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {createOfflineLoader, keyPairFromSeed} from './lib/offline-loader.mjs';

const [file, seedHex, verificationMethod, created] = process.argv.slice(2);
if(!file || !seedHex || !verificationMethod || !created || process.argv.length > 6) {
  process.stderr.write(
    'usage: node sign.mjs <unsigned.json> <seedHex> <verificationMethod> <created>\n');
  process.exit(2);
}

try {
  const credential = JSON.parse(fs.readFileSync(file, 'utf8'));
  const keyPair = await keyPairFromSeed(seedHex, verificationMethod);
  const {documentLoader, addKey} = createOfflineLoader();
  addKey(keyPair);
  const suite = new DataIntegrityProof({
    signer: keyPair.signer(), cryptosuite, date: created
  });
  const signed = await vc.issue({credential, suite, documentLoader});
  process.stdout.write(JSON.stringify(signed) + '\n');
} catch(e) {
  process.stderr.write(`sign.mjs: ${e.message}\n`);
  process.exit(1);
}
