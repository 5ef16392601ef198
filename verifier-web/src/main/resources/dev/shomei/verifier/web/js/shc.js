// SMART Health Card: shc:/ digits -> compact JWS; header {"zip":"DEF","alg":"ES256","kid"}; the kid
// must be in the issuer's JWKS; ES256 over the JWS signing input; raw DEFLATE payload (64 KB cap);
// nbf not in the future; then revocation by vc.rid against the issuer's list for that kid.

import { base64UrlDecode, ascii, utf8 } from './bytes.js';
import { fail } from './vdsnc.js';

const MAX_INFLATED = 64 * 1024;
const CLOCK_SKEW_SECONDS = 300;

/** The JWS inside a shc:/ text, or null. The project prints single codes only; shc:/i/n/ is refused. */
export function shcToJws(text) {
  const m = /^shc:\/(\d+)$/.exec(text);
  if (!m || m[1].length % 2 !== 0) return null;
  let jws = '';
  for (let i = 0; i < m[1].length; i += 2) {
    const value = Number(m[1].substring(i, i + 2));
    if (value > 77) return null;
    jws += String.fromCharCode(value + 45);
  }
  return jws;
}

export const isChunkedShc = (text) => /^shc:\/\d+\/\d+\//.test(text);

async function inflateRaw(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_INFLATED) {
      await reader.cancel();
      throw new Error('payload too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) { out.set(chunk, offset); offset += chunk.length; }
  return out;
}

/** rid entries "rid" or "rid.<epoch seconds>" -> Map rid -> cutoff seconds (null: always revoked). */
export function parseRids(rids) {
  const map = new Map();
  for (const entry of rids) {
    if (typeof entry !== 'string') continue;
    const m = /^([A-Za-z0-9_-]+)(?:\.(\d+))?$/.exec(entry);
    if (!m) continue;
    const cutoff = m[2] === undefined ? null : Number(m[2]);
    const previous = map.get(m[1]);
    // the broadest entry wins: no suffix, or the latest time
    map.set(m[1], previous === null || cutoff === null ? null : Math.max(previous ?? 0, cutoff));
  }
  return map;
}

function readCard(payload) {
  const entries = payload?.vc?.credentialSubject?.fhirBundle?.entry;
  if (!Array.isArray(entries)) throw new Error('no FHIR bundle');
  const patient = entries.map((e) => e.resource).find((r) => r && r.resourceType === 'Patient');
  if (!patient) throw new Error('no patient');
  const names = (patient.name || []).map((n) => [n.family, ...(n.given || [])].filter(Boolean).join(' '));
  const doses = entries.map((e) => e.resource).filter((r) => r && r.resourceType === 'Immunization')
    .map((r) => ({ date: r.occurrenceDateTime, cvx: r.vaccineCode?.coding?.[0]?.code || '', lot: r.lotNumber || '' }));
  return { person: { names, birthDate: patient.birthDate || '' }, doses };
}

/**
 * Verifies a scanned shc:/ text. trust.jwks: Map kid -> {key (CryptoKey), crlVersion};
 * trust.shcRevoked: Map kid -> Map rid -> cutoff (a kid missing: its list could not be read).
 */
export async function verifyShc(text, trust, now = new Date()) {
  const result = { kind: 'shc', person: null, doses: [], details: {} };
  if (isChunkedShc(text)) return { ...result, ...fail('invalid', 'shcChunked') };
  const jws = shcToJws(text);
  const parts = jws ? jws.split('.') : [];
  if (parts.length !== 3) return { ...result, ...fail('invalid', 'shcMalformed') };
  const [headerBytes, payloadBytes, signature] = parts.map((p) => base64UrlDecode(p));
  let header;
  try {
    header = JSON.parse(utf8(headerBytes));
  } catch (e) {
    return { ...result, ...fail('invalid', 'shcMalformed') };
  }
  if (header.alg !== 'ES256' || header.zip !== 'DEF' || typeof header.kid !== 'string') {
    return { ...result, ...fail('invalid', 'shcHeader') };
  }
  const issuerKey = trust.jwks.get(header.kid);
  if (!issuerKey) {
    return { ...result, ...fail('unknown-issuer', trust.problems.includes('jwks') ? 'trustUnavailable' : 'shcUnknownKid') };
  }
  if (!payloadBytes || !signature || signature.length !== 64) return { ...result, ...fail('invalid', 'shcMalformed') };
  const verified = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, issuerKey.key, signature,
    ascii(parts[0] + '.' + parts[1]));
  if (!verified) return { ...result, ...fail('invalid', 'signatureMismatch') };
  let payload, card;
  try {
    payload = JSON.parse(utf8(await inflateRaw(payloadBytes)));
    card = readCard(payload);
  } catch (e) {
    return { ...result, ...fail('invalid', 'shcPayload') };
  }
  Object.assign(result, card);
  result.details = { issuer: payload.iss, kid: header.kid };
  const nowSeconds = now.getTime() / 1000;
  if (typeof payload.nbf !== 'number' || payload.nbf > nowSeconds + CLOCK_SKEW_SECONDS) {
    return { ...result, ...fail('invalid', 'shcNotYetValid') };
  }
  if (typeof payload.exp === 'number' && payload.exp < nowSeconds) return { ...result, ...fail('invalid', 'shcExpired') };
  const revoked = trust.shcRevoked.get(header.kid);
  const rid = payload.vc.rid;
  if (!revoked) return { ...result, ...fail('unchecked', 'revocationNotChecked') };
  if (typeof rid !== 'string') return { ...result, ...fail('unchecked', 'shcNoRid') };
  if (revoked.has(rid)) {
    const cutoff = revoked.get(rid);
    if (cutoff === null || payload.nbf < cutoff) return { ...result, ...fail('revoked', 'shcRevoked') };
  }
  return { ...result, verdict: 'valid', reason: { key: 'shcValid' } };
}
