// Byte helpers shared by the SMART Health Card and VDS-NC checks: strict base64url, UTF-8, ASCII.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Canonical base64url only (no padding unless allowPadding, no unused low bits set): else null. */
export function base64UrlDecode(text, allowPadding = false) {
  if (typeof text !== 'string') return null;
  let body = text;
  if (allowPadding) body = body.replace(/={1,2}$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(body) || body.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor(body.length * 3 / 4));
  let bits = 0, value = 0, index = 0;
  for (const c of body) {
    value = (value << 6) | ALPHABET.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (value >> bits) & 0xff;
    }
  }
  // a changed last character whose low bits are unused would decode to the same bytes: refuse it
  if ((value & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

export function base64Decode(text) {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return null;
  const binary = atob(clean);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export const ascii = (text) => new TextEncoder().encode(text);

export function utf8(bytes) {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export function equalBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
