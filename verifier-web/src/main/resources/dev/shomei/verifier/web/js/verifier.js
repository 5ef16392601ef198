// The page: loads the trust material, opens the camera on request, finds QR codes with jsQR (the
// vendored npm package, window.jsQR), verifies every code found and shows one verdict. Keeps nothing:
// no storage, no cookies, no console output of what was scanned; the camera stops after a result.

import { loadTrust } from './trust.js';
import { verifyShc } from './shc.js';
import { verifyVdsNc } from './vdsnc.js';

const SEVERITY = ['revoked', 'invalid', 'unknown-issuer', 'unchecked', 'valid'];
/** After the first code, keep looking this long for the certificate's other code. */
const COLLECT_MS = 800;
const MAX_CODES_PER_FRAME = 3;

const $ = (id) => document.getElementById(id);
let texts = {};
let language = (navigator.languages || [navigator.language]).some((l) => /^ja\b/i.test(l)) ? 'ja' : 'en';
let trust = null;
let stream = null;
let scanTimer = null;
let lastResults = null;
/** What the status line says once the trust material is loaded: nothing, or that some of it is missing. */
let trustStatus = '';

const t = (key) => texts[language]?.[key] ?? key;

function applyTexts() {
  document.documentElement.lang = language;
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  if (lastResults) showResults(lastResults);
}

function setStatus(key) {
  const status = $('status');
  status.dataset.t = key;
  status.textContent = key ? t(key) : '';
}

/** Verifies one scanned text by its kind. */
export async function verifyText(text, trustMaterial, now = new Date()) {
  if (text.startsWith('shc:/')) return verifyShc(text, trustMaterial, now);
  if (text.trimStart().startsWith('{')) return verifyVdsNc(text, trustMaterial, now);
  return { kind: 'unknown', verdict: 'invalid', reason: { key: 'notCertificate' }, person: null, doses: [], details: {} };
}

export function overallVerdict(results) {
  return SEVERITY.find((v) => results.some((r) => r.verdict === v)) || 'invalid';
}

function productName(dose) {
  if (dose.cvx !== undefined) return t('products')[dose.cvx] || 'CVX ' + dose.cvx;
  return dose.product || '';
}

function showResults(results) {
  const verdict = overallVerdict(results);
  $('verdict').dataset.verdict = verdict;
  $('verdict-title').textContent = t('verdict.' + verdict);
  $('verdict-other').textContent = t('verdictOther.' + verdict);
  const codes = $('codes');
  codes.replaceChildren(...results.map((r) => {
    const li = document.createElement('li');
    li.dataset.verdict = r.verdict;
    li.dataset.kind = r.kind;
    const title = document.createElement('strong');
    title.textContent = t('code.' + r.kind) + ': ' + t('verdict.' + r.verdict);
    const reason = document.createElement('span');
    reason.textContent = t('reason.' + r.reason.key);
    li.append(title, reason);
    const detail = r.details.issuer ? t('issuer') + ': ' + r.details.issuer
      : r.details.id ? t('certificateId') + ': ' + r.details.id + ' (' + r.details.country + ')' : '';
    if (detail) {
      const small = document.createElement('small');
      small.textContent = detail;
      li.append(document.createElement('br'), small);
    }
    return li;
  }));
  // the person and doses only from codes whose signature held (an altered code's content proves nothing)
  const trusted = results.filter((r) => ['valid', 'unchecked', 'revoked'].includes(r.verdict) && r.person);
  const person = $('person');
  const rows = $('doses').tBodies[0];
  person.replaceChildren();
  rows.replaceChildren();
  $('doses').hidden = trusted.length === 0;
  if (trusted.length === 0) return;
  const names = [...new Set(trusted.flatMap((r) => r.person.names))];
  const add = (label, value, id) => {
    const dt = document.createElement('dt');
    dt.textContent = t(label);
    const dd = document.createElement('dd');
    dd.textContent = value;
    dd.id = id;
    person.append(dt, dd);
  };
  add('name', names.join(' / '), 'person-name');
  add('birthDate', trusted[0].person.birthDate, 'person-birth-date');
  trusted[0].doses.forEach((dose, i) => {
    const tr = document.createElement('tr');
    for (const value of [String(i + 1), dose.date, productName(dose), dose.lot]) {
      const td = document.createElement('td');
      td.textContent = value;
      tr.append(td);
    }
    rows.append(tr);
  });
}

function stopCamera() {
  clearTimeout(scanTimer);
  scanTimer = null;
  if (stream) stream.getTracks().forEach((track) => track.stop());
  stream = null;
  $('video').srcObject = null;
  $('camera').hidden = true;
}

/** The QR texts in one video frame: decode, paint the found code white, look again. */
function codesInFrame(canvas, context) {
  const found = [];
  for (let i = 0; i < MAX_CODES_PER_FRAME; i++) {
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    const code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
    if (!code) break;
    found.push(code.binaryData && code.binaryData.length && code.data.startsWith('{')
      ? new TextDecoder().decode(new Uint8Array(code.binaryData)) : code.data);
    const l = code.location;
    context.fillStyle = '#fff';
    context.beginPath();
    context.moveTo(l.topLeftCorner.x, l.topLeftCorner.y);
    context.lineTo(l.topRightCorner.x, l.topRightCorner.y);
    context.lineTo(l.bottomRightCorner.x, l.bottomRightCorner.y);
    context.lineTo(l.bottomLeftCorner.x, l.bottomLeftCorner.y);
    context.closePath();
    context.lineWidth = 12;
    context.strokeStyle = '#fff';
    context.fill();
    context.stroke();
  }
  return found;
}

async function scan() {
  lastResults = null;
  $('result').hidden = true;
  $('intro').hidden = true;
  $('scan').hidden = true;
  $('camera').hidden = false;
  setStatus(trustStatus);
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: false, video: { facingMode: 'environment', width: { ideal: 1920 }, height: { ideal: 1080 } },
    });
  } catch (e) {
    stopCamera();
    setStatus('cameraError');
    $('scan').hidden = false;
    return;
  }
  const video = $('video');
  video.srcObject = stream;
  await video.play().catch(() => {});
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const scanned = new Set();
  let firstAt = 0;
  const tick = async () => {
    if (!stream) return;
    if (video.videoWidth > 0) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      context.drawImage(video, 0, 0);
      for (const text of codesInFrame(canvas, context)) scanned.add(text);
      if (scanned.size > 0 && firstAt === 0) firstAt = performance.now();
    }
    if (firstAt > 0 && (performance.now() - firstAt > COLLECT_MS || scanned.size >= 2)) {
      stopCamera();
      canvas.width = canvas.height = 0;
      await finish([...scanned]);
      scanned.clear();
      return;
    }
    scanTimer = setTimeout(tick, 120);
  };
  tick();
}

async function finish(scanned) {
  const results = await Promise.all(scanned.map((text) => verifyText(text, trust)));
  lastResults = results;
  showResults(results);
  $('result').hidden = false;
  $('scan').dataset.t = 'scanAgain';
  $('scan').textContent = t('scanAgain');
  $('scan').hidden = false;
}

async function main() {
  texts = await (await fetch('texts.json', { credentials: 'omit' })).json();
  applyTexts();
  $('language').addEventListener('click', () => {
    language = language === 'ja' ? 'en' : 'ja';
    applyTexts();
  });
  const base = location.origin;
  trust = await loadTrust(base);
  const problem = trust.problems.length > 0 || trust.vdsRevoked === null || trust.shcRevoked.size < trust.jwks.size;
  trustStatus = problem ? 'trustProblem' : '';
  setStatus(trustStatus);
  document.body.dataset.ready = 'true';
  $('scan').disabled = false;
  $('scan').addEventListener('click', scan);
}

if (document.getElementById('scan')) main();
