// The trust material, fetched once from the page's own origin when the page opens and kept in memory
// only (nothing in storage): the SMART Health Card issuer keys and their revocation lists, the VDS-NC
// CSCA(s) and the signed list of revoked VDS-NC certificate ids. A list that cannot be read or checked
// leaves its entry empty, and every verdict that needed it says "revocation not checked".

import { base64Decode, ascii } from './bytes.js';
import { pemCertificates } from './x509.js';
import { importCsca, verifySeal } from './vdsnc.js';
import { parseRids } from './shc.js';
import { parseStrict } from './jcs.js';

async function get(url, type) {
  const response = await fetch(url, { credentials: 'omit', redirect: 'error', cache: 'no-cache' });
  if (!response.ok) throw new Error('HTTP ' + response.status);
  if (type === 'bytes') return new Uint8Array(await response.arrayBuffer());
  return parseStrict(await response.text());
}

/** RFC 7638 thumbprint of a P-256 JWK, base64url. */
async function thumbprint(jwk) {
  const canonical = `{"crv":"P-256","kty":"EC","x":"${jwk.x}","y":"${jwk.y}"}`;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', ascii(canonical)));
  return btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function loadJwks(base, trust) {
  const jwks = await get(base + '/.well-known/jwks.json', 'json');
  for (const jwk of jwks.keys || []) {
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || jwk.d !== undefined || jwk.kid !== await thumbprint(jwk)) continue;
    const key = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y },
      { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    trust.jwks.set(jwk.kid, { key, crlVersion: typeof jwk.crlVersion === 'number' ? jwk.crlVersion : 0 });
  }
}

async function loadShcList(base, kid, entry, trust) {
  try {
    const list = await get(`${base}/.well-known/crl/${encodeURIComponent(kid)}.json`, 'json');
    // a list for another key, or older than the JWKS says it is, is not one we can rely on
    if (list.kid !== kid || list.method !== 'rid' || !Array.isArray(list.rids) || !(list.ctr >= entry.crlVersion)) return;
    trust.shcRevoked.set(kid, parseRids(list.rids));
  } catch (e) {
    // stays unchecked
  }
}

async function loadCscas(base, trust) {
  // PEM (one or more certificates, for rotation) or one DER certificate
  const bytes = await get(base + '/trust/vds-nc/csca.crt', 'bytes');
  const text = new TextDecoder('latin1').decode(bytes);
  const ders = text.includes('-----BEGIN') ? pemCertificates(text, base64Decode) : [bytes];
  for (const der of ders) {
    try {
      trust.cscas.push(await importCsca(der));
    } catch (e) {
      // an unreadable CSCA is skipped; seals under it show as unknown issuer
    }
  }
}

async function loadVdsList(base, trust, now) {
  try {
    const list = await get(base + '/trust/vds-nc/revoked.json', 'json');
    const checked = await verifySeal(list, trust.cscas, now, false);
    if (checked.verdict !== 'valid' || !Array.isArray(list.data.revoked)) return;
    trust.vdsRevoked = new Set(list.data.revoked.filter((id) => typeof id === 'string'));
  } catch (e) {
    // stays null: unchecked
  }
}

/** Everything a verdict needs; what failed to load is simply missing (never an exception). */
export async function loadTrust(base, now = new Date()) {
  const trust = { jwks: new Map(), shcRevoked: new Map(), cscas: [], vdsRevoked: null, problems: [] };
  await Promise.all([
    loadJwks(base, trust).catch(() => trust.problems.push('jwks')),
    loadCscas(base, trust).catch(() => trust.problems.push('csca')),
  ]);
  await Promise.all([
    ...[...trust.jwks].map(([kid, entry]) => loadShcList(base, kid, entry, trust)),
    loadVdsList(base, trust, now),
  ]);
  return trust;
}
