// The operator's page: renders /api/state, listens to /api/stream (server-sent events) and refreshes on every push.
// The operator token lives only in this tab's sessionStorage and is sent only with the kill switch's request.
"use strict";

const TOKEN_KEY = "tradewire.operatorToken";
const GATES = ["confidence", "action_allowed", "bar_freshness", "feature_freshness", "ticker_daily_limit"];
const $ = id => document.getElementById(id);
let lastState = null, refreshTimer = null, refreshing = false, pushes = 0;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k.startsWith("data-")) node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  return node;
}
const money = v => v === null || v === undefined ? "-" : (v < 0 ? "-$" : "$") + Math.abs(v).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const num = (v, d = 2) => v === null || v === undefined ? "-" : Number(v).toFixed(d);
const signed = v => el("span", { class: v > 0 ? "pos" : v < 0 ? "neg" : "" }, money(v));
const nyTime = t => t ? new Date(t).toLocaleTimeString("en-US", { timeZone: "America/New_York", hour12: false }) : "-";
function fill(tbody, rows) { tbody.replaceChildren(...rows); }

function gateBadges(riskGateJson) {
  if (!riskGateJson) return el("span", { class: "muted" }, "pending");
  const gates = JSON.parse(riskGateJson);
  return el("span", {}, ...GATES.filter(k => gates[k]).map(k => el("span", {
    class: "gate " + (gates[k].passed ? "pass" : "fail"), title: `${k}: observed ${JSON.stringify(gates[k].observed)}, threshold ${JSON.stringify(gates[k].threshold)}`,
    "data-gate": k, "data-passed": String(gates[k].passed),
  }, k.split("_").map(w => w[0]).join("").toUpperCase())));
}

function reasonsText(reasonsJson) {
  try {
    const r = JSON.parse(reasonsJson);
    const inputs = r.inputs ? Object.entries(r.inputs).map(([k, v]) => `${k}=${typeof v === "number" ? Number(v).toFixed(4) : v}`).join(", ") : "";
    return `${r.rule ?? "?"}: ${inputs}`;
  } catch { return reasonsJson; }
}

function tapeRow(signal, minute, decision) {
  return el("tr", { class: "tape-row", "data-signal-key": signal.signalKey },
    el("td", {}, nyTime(minute ?? signal.ts)), el("td", {}, signal.ticker), el("td", {}, signal.action),
    el("td", {}, num(signal.confidence, 3)), el("td", { class: "reasons" }, reasonsText(signal.reasonsJson)),
    el("td", {}, gateBadges(decision?.riskGateJson)),
    el("td", {}, decision ? decision.status + (decision.skipReason ? ` (${decision.skipReason})` : "") : "-"));
}

function whyButton(executionId) {
  return el("button", { class: "why", "data-execution-id": executionId, onclick: () => showProvenance(executionId), title: "why did we trade?" }, "Why?");
}

function render(s) {
  lastState = s;
  outcomesSessionKnown(s.sessionDate);
  $("session").textContent = s.sessionDate ? `session ${s.sessionDate}, last bar ${nyTime(s.lastMinute)} New York` : "no session yet";
  $("mode").textContent = "mode " + (s.mode ?? "?");
  const state = s.tradingState?.state ?? "ACTIVE";
  $("trading-state").textContent = state;
  $("trading-state").className = "pill " + (state === "ACTIVE" ? "ok" : "bad");

  const p = s.portfolio;
  $("daily-pnl").replaceChildren(signed(p.dailyPnl));
  $("pnl-detail").textContent = `equity ${money(p.equity)} · realized today ${money(p.dailyRealized)} · unrealized ${money(p.unrealized)} · ${p.openPositions} open`;
  drawEquity($("equity"), s.curve, p.startingEquity);
  drawHeat($("heat"), p.heatPct, p.heatCapPct);
  $("heat-detail").textContent = `open risk ${money(p.openRisk)} · exposure ${num(p.exposurePct)}% (${money(p.grossExposure)})`;

  $("risk-summary").textContent = `trading ${state}` + (s.tradingState ? ` since ${nyTime(s.tradingState.at)} (${s.tradingState.reason})` : "") +
    ` · exposure ${num(p.exposurePct)}% · heat ${num(p.heatPct)}% of ${p.heatCapPct}%`;
  fill($("risk-events"), s.riskEvents.map(r => el("li", {}, el("span", { class: "kind" }, r.severity), `${nyTime(r.at)} ${r.reasonCode} ${r.ticker ?? ""}`,
    el("div", { class: "muted" }, r.detailJson))));

  fill($("positions"), s.positions.map(l => el("tr", { class: l.isOpen ? "open" : "closed", "data-execution-id": l.executionId },
    el("td", {}, l.ticker), el("td", {}, l.side), el("td", {}, l.isOpen ? l.qty : `0 / ${l.enteredQty}`), el("td", {}, num(l.avgPrice, 4)),
    el("td", {}, num(l.stop, 4)), el("td", {}, num(l.target, 4)), el("td", {}, num(l.mark, 4)), el("td", {}, signed(l.unrealized)),
    el("td", {}, signed(l.realized)), el("td", {}, l.openR === null ? "-" : num(l.openR) + "R"), el("td", {}, l.isOpen ? "OPEN" : l.exitReason ?? "CLOSED"),
    el("td", {}, whyButton(l.executionId)))));

  $("tape-count").textContent = `${s.counts.signals} signals · ${s.counts.executed} executed · ${s.counts.skipped} skipped`;
  fill($("tape"), s.tape.map(t => tapeRow(t.signal, t.minute, t.decision)));

  const entries = s.watchlist?.entries ?? [];
  $("ranks-at").textContent = s.watchlist ? `ranked ${nyTime(s.watchlist.minute)}` : "";
  const maxAbs = Math.max(...entries.map(e => Object.values(e.attribution).reduce((a, v) => a + Math.abs(v), 0)), 1e-9);
  fill($("ranks"), entries.slice(0, 15).map(e => el("tr", { class: "rank-row" }, el("td", {}, e.rank), el("td", {}, e.symbol), el("td", {}, num(e.score, 3)),
    el("td", {}, attributionBar(e.attribution, maxAbs)))));
  $("legend").replaceChildren(...Object.entries(COMPONENT_COLORS).map(([k, c]) => el("span", {}, el("i", { style: `background:${c}` }), k)));

  fill($("fills"), s.fills.map(f => el("tr", { class: "fill-row", "data-execution-id": f.fill.executionId },
    el("td", {}, nyTime(f.fill.filledAt)), el("td", {}, f.fill.ticker), el("td", {}, f.fill.legRole), el("td", {}, f.fill.side),
    el("td", {}, f.fill.qty), el("td", {}, num(f.fill.price, 4)), el("td", {}, whyButton(f.fill.executionId)))));

  fill($("events"), s.events.map(e => el("li", { class: "event-" + e.kind }, el("span", { class: "kind" }, e.kind), `${nyTime(e.at)} ${e.ticker ?? ""} ${e.text}`)));
}

async function refresh() {
  if (refreshing) { scheduleRefresh(); return; }
  refreshing = true;
  try {
    const r = await fetch("/api/state", { cache: "no-store" });
    if (r.ok) render(await r.json());
  } finally { refreshing = false; }
}
function scheduleRefresh() {
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => { refreshTimer = null; refresh(); }, 700);
}

function connect() {
  const source = new EventSource("/api/stream");
  source.addEventListener("hello", () => { $("live-status").textContent = "live"; $("live-status").className = "pill ok"; });
  source.onerror = () => { $("live-status").textContent = "reconnecting"; $("live-status").className = "pill bad"; };
  for (const channel of ["signals", "decisions", "orders", "risk", "events"]) {
    source.addEventListener(channel, e => {
      $("live-count").textContent = String(++pushes);
      const message = JSON.parse(e.data);
      if (channel === "signals" && message.kind === "signal") $("tape").prepend(tapeRow(message.data, null, null));
      scheduleRefresh();
    });
  }
}
