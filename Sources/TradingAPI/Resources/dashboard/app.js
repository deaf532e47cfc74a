// graphwiz dashboard: REST snapshots plus live WebSocket updates; the token lives in sessionStorage.
"use strict";
(() => {
  const api = "/api/v1";
  const $ = id => document.getElementById(id);
  const state = { equity: [], socket: null, retry: null };
  const fmt = (v, d = 2) => v === undefined || v === null ? "–" : Number(v).toLocaleString(undefined, { maximumFractionDigits: d, minimumFractionDigits: d });
  const time = ms => new Date(ms).toISOString().replace("T", " ").slice(5, 19);

  function token() { return sessionStorage.getItem("graphwiz.token") || ""; }
  function say(text) { $("message").textContent = text; }

  async function call(path, options = {}) {
    const headers = { "Authorization": "Bearer " + token() };
    if (options.body) headers["Content-Type"] = "application/json";
    const response = await fetch(api + path, { ...options, headers });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = body.error || { code: "http_" + response.status, message: response.statusText };
      throw Object.assign(new Error(error.message), { code: error.code, status: response.status });
    }
    return body;
  }

  function rows(id, items, cells) {
    const body = $(id).tBodies[0];
    body.replaceChildren(...items.map(item => {
      const tr = document.createElement("tr");
      for (const cell of cells(item)) {
        const td = document.createElement("td");
        if (typeof cell === "object" && cell !== null) { td.textContent = cell.text; td.className = cell.cls; } else td.textContent = cell;
        tr.appendChild(td);
      }
      return tr;
    }));
  }

  function drawEquity() {
    const values = state.equity.map(p => Number(p.equity));
    Charts.line($("equity-chart"), values, { color: "#58a6ff", fill: "#58a6ff", format: v => fmt(v) });
    Charts.line($("drawdown-chart"), state.equity.map(p => -100 * p.drawdown), { color: "#f85149", fill: "#f85149", format: v => fmt(v, 1) + "%", empty: "no drawdown data" });
  }

  function showPortfolio(p) {
    const items = [["value", fmt(p.totalValue) + " " + p.currency], ["cash", fmt(p.cash)], ["positions", fmt(p.positionsValue)],
      ["realized", fmt(p.realizedPnl)], ["unrealized", fmt(p.unrealizedPnl)], ["drawdown", fmt(100 * p.drawdown, 1) + "%"],
      ["win rate", fmt(100 * p.winRate, 0) + "%"], ["exposure", fmt(100 * p.exposure, 0) + "%"]];
    $("summary").replaceChildren(...items.map(([k, v]) => { const d = document.createElement("div"); const s = document.createElement("span"); s.textContent = k; const b = document.createElement("b"); b.textContent = v; d.append(s, b); return d; }));
  }

  function showRisk(r) {
    const box = $("risk");
    box.replaceChildren();
    const badge = document.createElement("span"); badge.className = "badge " + r.state; badge.textContent = r.state;
    const reason = document.createElement("p"); reason.textContent = `${r.reason} · drawdown ${fmt(100 * r.drawdown, 1)}% · exposure ${fmt(100 * r.exposure, 0)}%`;
    box.append(badge, reason);
  }

  async function refresh() {
    if (!token()) { say("Sign in with an API token to see the account."); return; }
    try {
      const me = await call("/me");
      $("whoami").textContent = `${me.subject} (${me.role})`;
      const [portfolio, positions, orders, trades, equity, risk, decisions] = await Promise.all([
        call("/portfolio"), call("/positions"), call("/orders?status=open"), call("/trades?limit=25"),
        call("/equity?limit=500"), call("/risk"), call("/decisions?limit=20")]);
      showPortfolio(portfolio);
      rows("positions", positions, p => [p.position.symbol, fmt(p.position.quantity, 5), fmt(p.position.averageEntryPrice), fmt(p.markPrice), fmt(p.unrealizedPnl)]);
      rows("orders", orders, o => [o.request.clientOrderId, o.request.symbol, { text: o.request.side, cls: o.request.side }, o.request.type, fmt(o.request.quantity, 5), fmt(o.request.limitPrice), o.status]);
      rows("trades", trades, f => [time(f.time), f.symbol, { text: f.side, cls: f.side }, fmt(f.price), fmt(f.quantity, 5), fmt(f.fee, 4)]);
      rows("decisions", decisions, d => [time(d.time), d.agent, d.symbol, d.action, fmt(d.confidence), d.rationale]);
      state.equity = equity;
      drawEquity();
      showRisk(risk);
      say("");
      connect();
    } catch (error) {
      say(error.status === 401 ? "Token rejected: " + error.message : "Error: " + error.message);
    }
    const ready = await fetch("/ready").then(r => r.json()).catch(() => ({ components: [] }));
    rows("health", ready.components || [], c => [c.name, { text: c.status, cls: "badge status-" + c.status }, c.detail]);
  }

  function event(text) {
    const li = document.createElement("li"); li.textContent = new Date().toISOString().slice(11, 19) + " " + text;
    $("events").prepend(li);
    while ($("events").children.length > 100) $("events").lastChild.remove();
  }

  function connect() {
    if (state.socket || !token()) return;
    const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + api + "/stream?token=" + encodeURIComponent(token());
    const socket = new WebSocket(url);
    state.socket = socket;
    socket.onopen = () => { $("connection").textContent = "live"; $("connection").className = "badge up"; };
    socket.onclose = () => {
      $("connection").textContent = "offline"; $("connection").className = "badge down"; state.socket = null;
      if (token() && !state.retry) state.retry = setTimeout(() => { state.retry = null; connect(); }, 3000);
    };
    socket.onmessage = message => {
      const update = JSON.parse(message.data);
      const d = update.data;
      if (update.type === "equity") { state.equity.push(d); if (state.equity.length > 500) state.equity.shift(); drawEquity(); }
      else if (update.type === "fill") event(`fill ${d.side} ${d.quantity} ${d.symbol} @ ${d.price}`);
      else if (update.type === "order") event(`order ${d.request.clientOrderId} ${d.status}`);
      else if (update.type === "alert") event(`ALERT [${d.severity}] ${d.message}`);
      else if (update.type === "risk") { showRisk(d); event(`risk ${d.state}: ${d.reason}`); }
      if (update.type === "fill" || update.type === "order") scheduleRefresh();
    };
  }

  let pending = null;
  function scheduleRefresh() { if (!pending) pending = setTimeout(() => { pending = null; refresh(); }, 500); }

  async function killSwitch(path, label) {
    const reason = path === "/risk/halt" ? "dashboard kill switch" : "dashboard resume";
    try { showRisk(await call(path, { method: "POST", body: JSON.stringify({ reason }) })); say(label); }
    catch (error) { say(`${label} refused: ${error.message}`); }
  }

  $("login").addEventListener("submit", e => { e.preventDefault(); sessionStorage.setItem("graphwiz.token", $("token").value.trim()); $("token").value = ""; refresh(); });
  $("logout").addEventListener("click", () => { sessionStorage.removeItem("graphwiz.token"); if (state.socket) state.socket.close(); location.reload(); });
  $("kill").addEventListener("click", () => killSwitch("/risk/halt", "Trading halted"));
  $("resume").addEventListener("click", () => killSwitch("/risk/resume", "Trading resumed"));

  // A token in the URL fragment (#token=...) signs in without typing; the fragment is then removed.
  const match = location.hash.match(/token=([^&]+)/);
  if (match) { sessionStorage.setItem("graphwiz.token", decodeURIComponent(match[1])); history.replaceState(null, "", location.pathname); }
  drawEquity();
  refresh();
})();
