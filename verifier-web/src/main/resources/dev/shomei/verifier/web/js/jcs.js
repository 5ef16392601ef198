// RFC 8785 JSON canonicalisation. JSON.stringify already writes numbers (ECMAScript shortest
// round-trip form) and strings (ECMAScript escaping) the way RFC 8785 requires; what it adds is the
// member order: sorted by UTF-16 code units, which is what Array.prototype.sort compares. A few lines,
// so no library (the npm package "canonicalize" is these same lines).

export function canonicalize(value) {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('not a JSON number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return '[' + value.map(canonicalize).join(',') + ']';
  return '{' + Object.keys(value).sort()
    .map((key) => JSON.stringify(key) + ':' + canonicalize(value[key])).join(',') + '}';
}

/** JSON.parse that refuses duplicate member names (RFC 8785 requires it; JSON.parse keeps the last). */
export function parseStrict(text) {
  const value = JSON.parse(text);
  // re-serialising a parsed value loses duplicates: compare member counts per object
  let count = 0;
  const walk = (v) => {
    if (v && typeof v === 'object') {
      if (Array.isArray(v)) v.forEach(walk);
      else for (const k of Object.keys(v)) { count++; walk(v[k]); }
    }
  };
  walk(value);
  if (count !== countMembers(text)) throw new Error('duplicate member names');
  return value;
}

// counts "name": occurrences outside strings, i.e. every object member in the text
function countMembers(text) {
  let members = 0, inString = false, escaped = false, stringStart = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') {
        inString = false;
        let j = i + 1;
        while (j < text.length && /\s/.test(text[j])) j++;
        if (text[j] === ':') members++;
      }
    } else if (c === '"') {
      inString = true;
      stringStart = i;
    }
  }
  return members;
}
