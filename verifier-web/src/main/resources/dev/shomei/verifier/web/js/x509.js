// The few parts of an X.509 certificate the VDS-NC check needs: the signed TBS bytes, issuer and
// subject names (as DER, compared byte for byte), validity, the public key (SPKI, for WebCrypto),
// the signature, and the extended key usages. Hand-written DER reading (~120 lines) because the
// maintained library, @peculiar/x509 1.x, depends directly on eleven npm packages (eight of the
// @peculiar/asn1-* family, tsyringe, tslib, pvtsutils; npm view, 2026-12) for these few fields.

export const OID_ECDSA_SHA256 = '1.2.840.10045.4.3.2';
export const OID_ECDSA_SHA384 = '1.2.840.10045.4.3.3';
export const OID_EXT_KEY_USAGE = '2.5.29.37';
/** ICAO 9303 part 13: the extended key usage of a VDS-NC barcode signer (health proof). */
export const OID_VDS_NC_SIGNER = '2.23.136.1.1.14.2';

const CURVES = { '1.2.840.10045.3.1.7': 'P-256', '1.3.132.0.34': 'P-384', '1.3.132.0.35': 'P-521' };

/** One DER element at offset: {tag, start, headerLength, length, end, content()} or an Error thrown. */
function element(bytes, offset) {
  if (offset + 2 > bytes.length) throw new Error('truncated DER');
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  let header = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 3 || offset + 2 + count > bytes.length) throw new Error('bad DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[offset + 2 + i];
    header += count;
  }
  const end = offset + header + length;
  if (end > bytes.length) throw new Error('truncated DER');
  return {
    tag, start: offset, header, length, end,
    raw: () => bytes.subarray(offset, end),
    content: () => bytes.subarray(offset + header, end),
  };
}

/** The elements inside a constructed element. */
function children(bytes, parent) {
  const out = [];
  let offset = parent.start + parent.header;
  while (offset < parent.end) {
    const child = element(bytes, offset);
    out.push(child);
    offset = child.end;
  }
  return out;
}

function oid(bytes) {
  const parts = [Math.floor(bytes[0] / 40), bytes[0] % 40];
  let value = 0;
  for (let i = 1; i < bytes.length; i++) {
    value = value * 128 + (bytes[i] & 0x7f);
    if (!(bytes[i] & 0x80)) { parts.push(value); value = 0; }
  }
  return parts.join('.');
}

function time(el) {
  const text = String.fromCharCode(...el.content());
  const m = el.tag === 0x17
    ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
    : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) throw new Error('bad certificate time');
  let year = Number(m[1]);
  if (el.tag === 0x17) year += year < 50 ? 2000 : 1900;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}

/** Parses a DER certificate; throws on anything malformed. */
export function parseCertificate(der) {
  const cert = element(der, 0);
  if (cert.tag !== 0x30 || cert.end !== der.length) throw new Error('not a certificate');
  const [tbs, algorithm, signature] = children(der, cert);
  if (!tbs || tbs.tag !== 0x30 || !signature || signature.tag !== 0x03) throw new Error('not a certificate');
  let fields = children(der, tbs);
  if (fields[0].tag === 0xa0) fields = fields.slice(1); // explicit version
  const [, , issuer, validity, subject, spki, ...rest] = fields;
  const [notBefore, notAfter] = children(der, validity);
  const extendedKeyUsages = [];
  const extensions = rest.find((f) => f.tag === 0xa3);
  if (extensions) {
    for (const ext of children(der, children(der, extensions)[0])) {
      const parts = children(der, ext);
      if (oid(parts[0].content()) === OID_EXT_KEY_USAGE) {
        const value = parts[parts.length - 1].content();
        const usages = element(value, 0);
        for (const usage of children(value, usages)) extendedKeyUsages.push(oid(usage.content()));
      }
    }
  }
  const signatureBits = signature.content();
  if (signatureBits[0] !== 0) throw new Error('signature has unused bits');
  return {
    tbs: tbs.raw(),
    signatureAlgorithm: oid(children(der, algorithm)[0].content()),
    signature: signatureBits.subarray(1),
    issuer: issuer.raw(),
    subject: subject.raw(),
    notBefore: time(notBefore),
    notAfter: time(notAfter),
    spki: spki.raw(),
    curve: CURVES[oid(children(der, children(der, spki)[0])[1].content())] || null,
    extendedKeyUsages,
  };
}

/** An ECDSA-Sig-Value (DER SEQUENCE of r and s) as WebCrypto's raw r||s of size bytes each. */
export function ecdsaDerToRaw(der, size) {
  const seq = element(der, 0);
  if (seq.tag !== 0x30 || seq.end !== der.length) throw new Error('bad ECDSA signature');
  const out = new Uint8Array(size * 2);
  children(der, seq).forEach((integer, i) => {
    if (integer.tag !== 0x02 || i > 1) throw new Error('bad ECDSA signature');
    let value = integer.content();
    while (value.length > size && value[0] === 0) value = value.subarray(1);
    if (value.length > size) throw new Error('bad ECDSA signature');
    out.set(value, i * size + size - value.length);
  });
  return out;
}

/** Every certificate in a PEM text (BEGIN CERTIFICATE blocks) or the one DER certificate given as bytes. */
export function pemCertificates(text, decode) {
  const blocks = [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  return blocks.map((block) => decode(block[1]));
}
