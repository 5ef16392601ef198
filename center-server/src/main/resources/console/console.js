// The operator console page. All data arrives as JSON and is put into the page with textContent
// only (never innerHTML), so nothing a terminal or a form sends can become markup.
"use strict";

const state = { me: null, terminals: new Map(), alerts: new Map(), version: 0, tab: "board", source: null };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.substring(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function formatTime(iso) {
  if (!iso) return "—";
  const date = new Date(iso);
  return date.toLocaleString(currentLang() === "ja" ? "ja-JP" : "en-GB", { timeZone: "Asia/Tokyo", hour12: false });
}

async function api(method, path, body) {
  const headers = { "Content-Type": "application/json" };
  if (method !== "GET" && state.me) headers["X-CSRF-Token"] = state.me.csrfToken;
  const response = await fetch("/api" + path, {
    method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body)
  });
  if (response.status === 401) {
    window.location.assign("/login");
    throw new Error("login required");
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    showMessage("error", true, data.reason || data.error || response.status);
    throw new Error(data.error || String(response.status));
  }
  return data;
}

// The banner keeps its text key, so that switching the language translates it too.
function showMessage(key, isError, detail) {
  const message = document.getElementById("message");
  const label = document.createElement("span");
  label.setAttribute("data-i18n", key);
  label.textContent = t(key);
  message.replaceChildren(label);
  if (detail !== undefined) message.append(": " + detail);
  message.className = "message" + (isError ? " error" : "");
  message.hidden = false;
  window.clearTimeout(showMessage.timer);
  showMessage.timer = window.setTimeout(() => { message.hidden = true; }, 6000);
}

function isAdmin() {
  return state.me && state.me.role === "ADMIN";
}

// --- board -------------------------------------------------------------------------------------

function device(value, offline) {
  // an offline terminal's last report is stale: its devices are unknown, not 正常
  if (offline) return el("span", { class: "dev-UNKNOWN" }, t("device.UNKNOWN"));
  if (!value) return el("span", {}, "—");
  return el("span", { class: "dev-" + value }, t("device." + value));
}

function percent(value) {
  if (value === null || value === undefined || value < 0) return el("span", {}, "—");
  return el("span", { class: value <= 10 ? "low" : null }, value + "%");
}

function terminalRow(term) {
  const toggle = el("button", {
    type: "button",
    "data-action": term.enabled ? "disable" : "enable",
    title: term.enabled && term.status === "IN_USE" ? t("disable.inUse") : null,
    onclick: () => {
      // a resident may be paying right now: their session still ends normally, but say so first
      if (term.enabled && term.status === "IN_USE" && !window.confirm(t("disable.confirmInUse").replace("{id}", term.id))) return;
      setEnabled(term.id, !term.enabled);
    }
  }, t(term.enabled ? "action.disable" : "action.enable"));
  return el("tr", { "data-terminal": term.id, "data-status": term.status, class: term.enabled ? null : "row-disabled" },
    el("td", {}, term.id),
    el("td", {}, term.label),
    el("td", {}, el("span", { class: "status " + term.status, "data-role": "status" }, t("status." + term.status))),
    el("td", { "data-role": "enabled" }, t(term.enabled ? "enabled" : "disabled")),
    el("td", {}, formatTime(term.lastHeartbeat)),
    el("td", {}, term.firmware || "—"),
    el("td", {}, percent(term.paper)),
    el("td", {}, percent(term.toner)),
    el("td", {}, device(term.reader, term.status === "OFFLINE" || term.status === "SWITCHED_OFF")),
    el("td", {}, device(term.printer, term.status === "OFFLINE" || term.status === "SWITCHED_OFF")),
    el("td", {}, device(term.cashUnit, term.status === "OFFLINE" || term.status === "SWITCHED_OFF")),
    el("td", {}, term.issued + " / " + term.voided + " / " + term.errors),
    el("td", {}, toggle));
}

function renderBoard() {
  const body = document.querySelector("#terminals tbody");
  const sorted = [...state.terminals.values()].sort((a, b) => a.id.localeCompare(b.id));
  body.replaceChildren(...sorted.map(terminalRow));
  const counts = {};
  for (const term of sorted) counts[term.status] = (counts[term.status] || 0) + 1;
  const summary = document.getElementById("summary");
  summary.replaceChildren(
    el("span", { class: "chip" }, t("summary.total") + ": " + sorted.length),
    ...["ONLINE", "IN_USE", "ERROR", "MAINTENANCE", "SWITCHED_OFF", "OFFLINE"].map(status =>
      el("span", { class: "chip", "data-summary": status },
        el("span", { class: "status " + status }, t("status." + status)), " " + (counts[status] || 0))));
  renderAlerts();
}

function subjectText(subject) {
  if (!subject) return "";
  const key = "subject." + subject;
  const text = t(key);
  return text === key ? subject : text; // a transaction id or an error code stays as it is
}

function alertText(alert) {
  return t("alert." + alert.kind) + (alert.subject ? " (" + subjectText(alert.subject) + ")" : "");
}

function renderAlerts() {
  const all = [...state.alerts.values()].sort((a, b) => b.id - a.id);
  const open = all.filter(a => a.open);
  const badge = document.getElementById("alert-count");
  badge.textContent = String(open.length);
  badge.hidden = open.length === 0;

  const side = document.getElementById("open-alerts");
  side.replaceChildren(...(open.length === 0 ? [el("li", { class: "resolved" }, t("none"))] :
    open.map(alert => el("li", { "data-alert-kind": alert.kind, "data-terminal": alert.terminalId },
      el("strong", {}, alert.terminalId || "center"), " ", alertText(alert), el("br"),
      el("small", {}, formatTime(alert.raisedAt))))));

  const body = document.querySelector("#alerts tbody");
  body.replaceChildren(...all.map(alert => el("tr", { "data-alert": alert.id, "data-alert-kind": alert.kind },
    el("td", {}, formatTime(alert.raisedAt)),
    el("td", {}, t("alert." + alert.kind)),
    el("td", {}, alert.terminalId || "—"),
    el("td", {}, subjectText(alert.subject) || "—"),
    el("td", {}, t(alert.open ? "alert.open" : "alert.resolved") + (alert.acknowledged ? " · " + t("alert.acknowledged") : "")),
    el("td", {}, alert.acknowledged ? "" :
      el("button", { type: "button", onclick: () => acknowledge(alert.id) }, t("action.ack"))))));
}

function applyBoard(data, replace) {
  if (replace) {
    state.terminals.clear();
    state.alerts.clear();
  }
  for (const term of data.terminals) state.terminals.set(term.id, term);
  for (const alert of data.alerts) state.alerts.set(alert.id, alert);
  state.version = data.version;
  renderBoard();
}

function connectStream() {
  if (state.source) state.source.close();
  const live = document.getElementById("live");
  const source = new EventSource("/api/events");
  state.source = source;
  source.addEventListener("snapshot", event => { applyBoard(JSON.parse(event.data), true); setLive(true); });
  source.addEventListener("changes", event => applyBoard(JSON.parse(event.data), false));
  source.onerror = () => setLive(false);
  function setLive(on) {
    live.className = "live " + (on ? "on" : "off");
    live.setAttribute("data-i18n", on ? "live.on" : "live.off");
    live.textContent = t(on ? "live.on" : "live.off");
  }
}

async function setEnabled(id, enabled) {
  await api("POST", "/terminals/" + encodeURIComponent(id) + (enabled ? "/enable" : "/disable"));
}

async function acknowledge(id) {
  await api("POST", "/alerts/" + id + "/ack");
}

// --- municipalities ----------------------------------------------------------------------------

async function loadMunicipalities() {
  const data = await api("GET", "/municipalities");
  const body = document.querySelector("#municipalities tbody");
  const admin = isAdmin();
  body.replaceChildren(...data.municipalities.map(m => {
    const participating = el("input", { type: "checkbox", checked: m.participating, disabled: !admin, "data-field": "participating" });
    const overseas = el("input", { type: "checkbox", checked: m.offersOverseas, disabled: !admin, "data-field": "offersOverseas" });
    // the fee is the municipality's own (set at its record backend): shown, never edited here
    const fee = el("span", { "data-field": "fee", title: t("fee.setByMunicipality") }, String(m.feePerCopyYen));
    const opens = el("input", { type: "time", value: m.opensAt, disabled: !admin, "data-field": "opensAt" });
    const closes = el("input", { type: "time", value: m.closesAt, disabled: !admin, "data-field": "closesAt" });
    // equal times mean open all day (the line's rule); "00:00 – 00:00" alone reads as closed
    const allDay = el("span", { class: "all-day", "data-field": "allDay" }, t("hours.allDay"));
    const showAllDay = () => { allDay.hidden = opens.value !== closes.value; };
    opens.addEventListener("input", showAllDay);
    closes.addEventListener("input", showAllDay);
    showAllDay();
    const save = admin ? el("button", { type: "button", onclick: async () => {
      await api("PUT", "/municipalities/" + m.code, {
        participating: participating.checked, offersOverseas: overseas.checked,
        opensAt: opens.value, closesAt: closes.value
      });
      showMessage("saved", false);
    } }, t("action.save")) : "";
    return el("tr", { "data-municipality": m.code },
      el("td", {}, m.code), el("td", {}, currentLang() === "ja" ? m.nameJa : m.nameEn),
      el("td", {}, participating), el("td", {}, overseas), el("td", {}, fee),
      el("td", {}, opens, " – ", closes, " ", allDay), el("td", {}, save));
  }));
}

// --- counts ------------------------------------------------------------------------------------

const OUTCOMES = ["ISSUED", "PRINTED", "VOIDED", "RECONCILED", "REFUSED"];

async function loadCounts() {
  const [data, known] = await Promise.all([api("GET", "/counts"), api("GET", "/municipalities")]);
  const names = new Map(known.municipalities.map(m => [m.code, currentLang() === "ja" ? m.nameJa : m.nameEn]));
  const header = first => el("tr", {}, el("th", {}, t(first)), ...OUTCOMES.map(o => el("th", {}, t("col." + o))));
  document.querySelector("#counts-hour thead").replaceChildren(header("col.hour"));
  document.querySelector("#counts-hour tbody").replaceChildren(...data.perHour.map(row =>
    el("tr", {}, el("td", {}, row.hour.replace("T", " ")), ...OUTCOMES.map(o => el("td", {}, row[o])))));
  document.querySelector("#counts-municipality thead").replaceChildren(header("col.code"));
  document.querySelector("#counts-municipality tbody").replaceChildren(...data.perMunicipality.map(row =>
    el("tr", { "data-municipality": row.municipalityCode },
      // the name first, the code as small secondary text
      el("td", {}, names.get(row.municipalityCode) || row.municipalityCode, " ",
        el("small", { class: "code" }, row.municipalityCode)),
      ...OUTCOMES.map(o => el("td", {}, row[o])))));
}

// --- maintenance -------------------------------------------------------------------------------

async function loadMaintenance() {
  const data = await api("GET", "/maintenance");
  const body = document.querySelector("#maintenance tbody");
  body.replaceChildren(...data.windows.map(w => el("tr", {},
    el("td", {}, w.start.replace("T", " ")), el("td", {}, w.end.replace("T", " ")),
    el("td", {}, w.municipalityCode || "—"), el("td", {}, w.note),
    el("td", {}, isAdmin() ? el("button", { type: "button", onclick: async () => {
      await api("DELETE", "/maintenance/" + w.index);
      loadMaintenance();
    } }, t("action.remove")) : ""))));
}

async function addMaintenance() {
  await api("POST", "/maintenance", {
    start: document.getElementById("mw-start").value,
    end: document.getElementById("mw-end").value,
    municipalityCode: document.getElementById("mw-code").value.trim(),
    note: document.getElementById("mw-note").value
  });
  showMessage("saved", false);
  loadMaintenance();
}

// --- reconciled --------------------------------------------------------------------------------

async function loadReconciled() {
  const data = await api("GET", "/reconciled");
  document.querySelector("#reconciled tbody").replaceChildren(...data.reconciled.map(r => el("tr", { "data-transaction": r.transactionId },
    el("td", {}, r.transactionId), el("td", {}, r.terminalId), el("td", {}, r.municipalityCode),
    el("td", {}, formatTime(r.issuedAt)), el("td", {}, formatTime(r.voidedAt)))));
}

// --- operator accounts (administrators) --------------------------------------------------------

function showSecret(name, secret) {
  const box = document.getElementById("op-secret");
  box.textContent = t("operators.secret").replace("{name}", name).replace("{secret}", secret);
  box.hidden = false;
}

async function loadOperators() {
  const data = await api("GET", "/operators");
  document.querySelector("#operators tbody").replaceChildren(...data.operators.map(op => {
    const self = state.me && op.username === state.me.username;
    const toggle = el("button", { type: "button", disabled: self, onclick: async () => {
      await api("PUT", "/operators/" + op.username, { role: op.role, enabled: !op.enabled, expires: op.expires });
      loadOperators();
    } }, t(op.enabled ? "action.disable" : "action.enable"));
    const role = el("button", { type: "button", disabled: self, onclick: async () => {
      await api("PUT", "/operators/" + op.username, { role: op.role === "ADMIN" ? "OPERATOR" : "ADMIN", enabled: op.enabled,
        expires: op.expires });
      loadOperators();
    } }, t(op.role === "ADMIN" ? "operators.demote" : "operators.promote"));
    const totp = el("button", { type: "button", disabled: self, onclick: async () => {
      if (!window.confirm(t("operators.confirmTotp").replace("{name}", op.username))) return;
      const reset = await api("POST", "/operators/" + op.username + "/totp", {});
      showSecret(op.username, reset.totpSecret);
    } }, t("operators.resetTotp"));
    return el("tr", { "data-operator": op.username },
      el("td", {}, op.username), el("td", {}, t("role." + op.role), " ", el("small", { class: "code" }, op.role)),
      el("td", {}, t(op.enabled ? "enabled" : "disabled")), el("td", {}, op.expires || "—"),
      el("td", {}, toggle, " ", role, " ", totp));
  }));
}

async function addOperator() {
  const name = document.getElementById("op-name").value.trim();
  const password = document.getElementById("op-password");
  const created = await api("POST", "/operators", { username: name, role: document.getElementById("op-role").value,
    password: password.value, expires: document.getElementById("op-expires").value || null });
  password.value = "";
  showSecret(created.username, created.totpSecret);
  loadOperators();
}

// --- operator audit trail (administrators) ----------------------------------------------------

async function loadAudit() {
  const data = await api("GET", "/audit");
  const status = document.getElementById("audit-status");
  status.textContent = data.intact ? t("audit.intact").replace("{n}", data.checked) : t("audit.broken").replace("{reason}", data.reason);
  status.className = data.intact ? "" : "error";
  document.querySelector("#audit tbody").replaceChildren(...data.entries.map(e => el("tr", {},
    el("td", {}, String(e.seq)), el("td", {}, formatTime(e.at)), el("td", {}, e.actor), el("td", {}, e.source),
    el("td", {}, t("action." + e.action) === "action." + e.action ? e.action : t("action." + e.action)),
    el("td", {}, e.target || ""), el("td", {}, e.before || ""), el("td", {}, e.after || ""))));
}

// --- page --------------------------------------------------------------------------------------

const LOADERS = { municipalities: loadMunicipalities, counts: loadCounts, maintenance: loadMaintenance, reconciled: loadReconciled, operators: loadOperators, audit: loadAudit };

function showTab(name) {
  state.tab = name;
  document.querySelectorAll(".tabs button").forEach(b => b.classList.toggle("active", b.dataset.tab === name));
  document.querySelectorAll("section.tab").forEach(s => { s.hidden = s.id !== "tab-" + name; });
  if (LOADERS[name]) LOADERS[name]().catch(() => {});
}

document.addEventListener("DOMContentLoaded", async () => {
  applyTexts();
  document.getElementById("lang").addEventListener("click", toggleLang);
  document.addEventListener("langchange", () => { renderBoard(); showTab(state.tab); });
  document.getElementById("logout").addEventListener("click", async () => {
    await api("POST", "/logout");
    window.location.assign("/login");
  });
  document.querySelectorAll(".tabs button").forEach(b => b.addEventListener("click", () => showTab(b.dataset.tab)));
  document.getElementById("mw-add").addEventListener("click", () => addMaintenance().catch(() => {}));
  document.getElementById("op-add").addEventListener("click", () => addOperator().catch(() => {}));
  state.me = await api("GET", "/me");
  document.getElementById("user").textContent = state.me.username + " (" + t("role." + state.me.role) + ")";
  document.getElementById("demo-banner").hidden = !state.me.devCardTrust;
  document.querySelectorAll(".admin-only").forEach(e => { e.hidden = !isAdmin(); });
  document.querySelectorAll(".admin-hint").forEach(e => { e.hidden = isAdmin(); });
  connectStream();
});
