// Offline replacement for `globalThis.fetch`, installed before any verifier library is loaded.
//
// Policy, in this order:
//   1. `CAIRN_URL_MAP` (JSON object {urlPrefix: localFileOrDir}): the longest matching prefix wins.
//      A file answers exactly that URL; a directory answers prefix + relative path (query and
//      fragment dropped, percent-decoded, never outside the directory). Missing file -> 404.
//   2. OB 3.0 JSON schemas `https://purl.imsglobal.org/spec/ob/v3p0/schema/json/<name>` are served
//      from `<fixtures>/ob3-schemas/` (`ob_v3p0_<x>_schema.json` or `ob_v3p0_<x>-jsonschema1.json`
//      -> `<x>.json`). An unknown schema name is refused (throws).
//   3. `http(s)://127.0.0.1:*`, `localhost` and `[::1]` go to the real fetch (a Cairn server on
//      loopback). Use NODE_TLS_REJECT_UNAUTHORIZED=0 for a self-signed certificate.
//   4. Everything else is refused: the shim throws a TypeError, as fetch does when a host is
//      unreachable. Every request and its outcome is recorded in `log`.
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCHEMA_PREFIX = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The fixtures root: env CAIRN_FIXTURES, else `../../shared/fixtures` from `interop/`. */
export function fixturesDir() {
  return process.env.CAIRN_FIXTURES ?
    path.resolve(process.env.CAIRN_FIXTURES) :
    path.resolve(HERE, '..', '..', '..', 'shared', 'fixtures');
}

function parseUrlMap() {
  const raw = process.env.CAIRN_URL_MAP;
  if(!raw) {
    return [];
  }
  let obj;
  try {
    obj = JSON.parse(raw);
  } catch(e) {
    throw new Error(`CAIRN_URL_MAP is not valid JSON: ${e.message}`);
  }
  if(!obj || typeof obj !== 'object' || Array.isArray(obj)) {
    throw new Error('CAIRN_URL_MAP must be a JSON object {urlPrefix: localPath}');
  }
  return Object.entries(obj)
    .map(([prefix, target]) => [prefix, path.resolve(String(target))])
    .sort((a, b) => b[0].length - a[0].length);
}

function contentTypeFor(file) {
  return file.endsWith('.jsonld') ? 'application/ld+json' : 'application/json';
}

function fileResponse(file) {
  const body = fs.readFileSync(file);
  return new Response(body, {
    status: 200,
    headers: {'content-type': contentTypeFor(file)}
  });
}

function notFound(url) {
  return new Response(JSON.stringify({message: `not found in CAIRN_URL_MAP: ${url}`}), {
    status: 404,
    statusText: 'Not Found',
    headers: {'content-type': 'application/json'}
  });
}

function fromUrlMap(map, url) {
  const hit = map.find(([prefix]) => url.startsWith(prefix));
  if(!hit) {
    return null;
  }
  const [prefix, target] = hit;
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return {response: notFound(url), source: target};
  }
  if(stat.isFile()) {
    const rest = url.slice(prefix.length).replace(/[?#].*$/s, '');
    return rest === '' ?
      {response: fileResponse(target), source: target} :
      {response: notFound(url), source: target};
  }
  const rest = decodeURIComponent(url.slice(prefix.length).replace(/[?#].*$/s, ''));
  const file = path.resolve(target, rest);
  if(!file.startsWith(target + path.sep) || !fs.existsSync(file) ||
    !fs.statSync(file).isFile()) {
    return {response: notFound(url), source: file};
  }
  return {response: fileResponse(file), source: file};
}

function schemaFile(url) {
  const name = url.slice(SCHEMA_PREFIX.length).replace(/[?#].*$/s, '');
  const m = /^ob_v3p0_([a-z_]+?)(?:_schema|-jsonschema1)\.json$/.exec(name);
  if(!m) {
    return null;
  }
  const file = path.join(fixturesDir(), 'ob3-schemas', `${m[1]}.json`);
  return fs.existsSync(file) ? file : null;
}

/**
 * Replaces globalThis.fetch. Returns `{log}`: an array of {url, method, outcome, source?}
 * that the caller may reset between credentials.
 */
export function installFetchShim() {
  const realFetch = globalThis.fetch;
  const map = parseUrlMap();
  const log = [];
  async function shimFetch(input, init) {
    let url;
    let method;
    if(typeof Request !== 'undefined' && input instanceof Request) {
      url = input.url;
      method = init?.method ?? input.method;
    } else {
      url = input instanceof URL ? input.href : String(input);
      method = init?.method ?? 'GET';
    }
    method = method.toUpperCase();
    const mapped = fromUrlMap(map, url);
    if(mapped) {
      log.push({url, method, outcome: `mapped ${mapped.response.status}`,
        source: mapped.source});
      return mapped.response;
    }
    if(url.startsWith(SCHEMA_PREFIX)) {
      const file = schemaFile(url);
      if(file) {
        log.push({url, method, outcome: 'schema fixture', source: file});
        return fileResponse(file);
      }
      log.push({url, method, outcome: 'refused (unknown schema)'});
      throw new TypeError(`fetch refused by Cairn interop shim: no schema fixture for ${url}`);
    }
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if(parsed && (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
      LOOPBACK_HOSTS.has(parsed.hostname)) {
      log.push({url, method, outcome: 'loopback'});
      return realFetch(input, init);
    }
    log.push({url, method, outcome: 'refused'});
    throw new TypeError(`fetch refused by Cairn interop shim (offline): ${url}`);
  }
  globalThis.fetch = shimFetch;
  return {log};
}
