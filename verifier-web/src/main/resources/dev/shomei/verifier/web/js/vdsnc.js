// ICAO VDS-NC (the JSON form shomei prints, docs/certificate.md): the signer certificate in sig.cer must
// be issued and signed by a trusted CSCA, both valid now, the signer a VDS-NC barcode signer; then ES256
// over the RFC 8785 form of data. The same seal check serves the signed revocation list.

import { base64UrlDecode, ascii, equalBytes } from './bytes.js';
import { canonicalize, parseStrict } from './jcs.js';
import { parseCertificate, ecdsaDerToRaw, OID_ECDSA_SHA256, OID_ECDSA_SHA384, OID_VDS_NC_SIGNER } from './x509.js';

const SIZES = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };
const HASHES = { [OID_ECDSA_SHA256]: 'SHA-256', [OID_ECDSA_SHA384]: 'SHA-384' };

export const fail = (verdict, key, args = {}) => ({ verdict, reason: { key, args } });

/** A trusted CSCA from DER bytes: {cert, key}; throws if unusable. */
export async function importCsca(der) {
  const cert = parseCertificate(der);
  if (!SIZES[cert.curve]) throw new Error('CSCA key is not an EC key on a known curve');
  const key = await crypto.subtle.importKey('spki', cert.spki, { name: 'ECDSA', namedCurve: cert.curve }, false, ['verify']);
  return { cert, key };
}

/**
 * Checks a seal {data, sig:{alg, cer, sigvl}} against the CSCAs: {verdict:'valid', signer} or a
 * failure. requireBarcodeSigner: a certificate's seal (true) or the revocation list (false).
 */
export async function verifySeal(seal, cscas, now, requireBarcodeSigner = true) {
  if (!seal || typeof seal.data !== 'object' || seal.data === null || typeof seal.sig !== 'object' || seal.sig === null) {
    return fail('invalid', 'vdsMalformed');
  }
  if (seal.sig.alg !== 'ES256') return fail('invalid', 'vdsAlgorithm');
  const der = base64UrlDecode(seal.sig.cer, true);
  const signatureValue = base64UrlDecode(seal.sig.sigvl, true);
  if (!der || !signatureValue || signatureValue.length !== 64) return fail('invalid', 'vdsMalformed');
  let signer;
  try {
    signer = parseCertificate(der);
  } catch (e) {
    return fail('invalid', 'vdsSignerUnreadable');
  }
  const hash = HASHES[signer.signatureAlgorithm];
  if (!hash) return fail('invalid', 'vdsSignerUnreadable');
  // the CSCA that issued and signed the signer certificate; several may share a name (rotation). A
  // certificate that names a trusted CSCA but is not signed by it comes from an unknown key.
  let csca = null;
  for (const candidate of cscas.filter((c) => equalBytes(c.cert.subject, signer.issuer))) {
    try {
      const raw = ecdsaDerToRaw(signer.signature, SIZES[candidate.cert.curve]);
      if (await crypto.subtle.verify({ name: 'ECDSA', hash }, candidate.key, raw, signer.tbs)) {
        csca = candidate;
        break;
      }
    } catch (e) {
      // not this one
    }
  }
  if (!csca) return fail('unknown-issuer', 'vdsUnknownCsca');
  for (const cert of [csca.cert, signer]) {
    if (now < cert.notBefore || now > cert.notAfter) return fail('invalid', 'vdsCertificateExpired');
  }
  if (requireBarcodeSigner && !signer.extendedKeyUsages.includes(OID_VDS_NC_SIGNER)) {
    return fail('invalid', 'vdsNotBarcodeSigner');
  }
  if (signer.curve !== 'P-256') return fail('invalid', 'vdsAlgorithm');
  let verified = false;
  try {
    const key = await crypto.subtle.importKey('spki', signer.spki, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    verified = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signatureValue,
      ascii(canonicalize(seal.data)));
  } catch (e) {
    verified = false;
  }
  if (!verified) return fail('invalid', 'signatureMismatch');
  return { verdict: 'valid', signer };
}

/** Verifies a scanned VDS-NC text; revoked: a Set of uvci, or null when the list could not be read. */
export async function verifyVdsNc(text, trust, now = new Date()) {
  const result = { kind: 'vds', person: null, doses: [], details: {} };
  let seal;
  try {
    seal = parseStrict(text);
  } catch (e) {
    return { ...result, ...fail('invalid', 'vdsMalformed') };
  }
  const checked = await verifySeal(seal, trust.cscas, now);
  if (checked.verdict === 'unknown-issuer' && trust.problems.includes('csca')) {
    return { ...result, ...fail('unknown-issuer', 'trustUnavailable') };
  }
  if (checked.verdict !== 'valid') return { ...result, ...checked };
  const { hdr, msg } = seal.data;
  if (!hdr || hdr.t !== 'icao.vacc' || hdr.v !== 1 || !msg || !msg.pid) {
    return { ...result, ...fail('invalid', 'vdsNotVaccination') };
  }
  result.person = { names: [msg.pid.n].filter(Boolean), birthDate: msg.pid.dob || '' };
  for (const event of Array.isArray(msg.ve) ? msg.ve : []) {
    for (const dose of Array.isArray(event.vd) ? event.vd : []) {
      result.doses.push({ seq: Number(dose.seq), date: dose.dvc, product: event.nam, lot: dose.lot || '' });
    }
  }
  result.doses.sort((a, b) => a.seq - b.seq);
  result.details = { country: hdr.is, id: msg.uvci };
  if (trust.vdsRevoked === null) return { ...result, ...fail('unchecked', 'revocationNotChecked') };
  if (trust.vdsRevoked.has(msg.uvci)) return { ...result, ...fail('revoked', 'vdsRevoked') };
  return { ...result, verdict: 'valid', reason: { key: 'vdsValid' } };
}
