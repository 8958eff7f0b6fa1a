// "Why did we trade?": the chain behind one execution, every link a recorded event, each with its trace id.
"use strict";

function kv(obj, keys) {
  return el("div", { class: "kv" }, ...keys.filter(k => obj && obj[k] !== undefined && obj[k] !== null)
    .map(k => el("span", {}, `${k} `, el("b", {}, typeof obj[k] === "object" ? JSON.stringify(obj[k]) : obj[k]), " · ")));
}

function traceLink(traceId, jaegerUrl) {
  return traceId ? el("a", { href: `${jaegerUrl}/trace/${traceId}`, target: "_blank", rel: "noopener", class: "trace" }, traceId) : el("span", { class: "muted" }, "no trace");
}

function link(name, title, present, ...body) {
  return el("div", { class: "link" + (present ? "" : " missing"), "data-link": name, "data-present": String(present) }, el("h3", {}, title), ...body);
}

function renderProvenance(c) {
  const j = c.jaegerUrl, s = c.signal?.signal, d = c.decision?.decision;
  const gates = c.gates ? Object.entries(c.gates) : [];
  return [
    link("bar", "Bar", !!c.bar?.bar, kv(c.bar?.bar, ["symbol", "minute", "open", "high", "low", "close", "volume"]), traceLink(c.bar?.traceId, j)),
    link("news", "News", c.news.length > 0, ...(c.news.length ? c.news.map(n => el("div", {}, kv(n.item, ["title", "publishedAt", "label", "score", "confidence", "modelVersion"]), traceLink(n.traceId, j)))
      : [el("div", { class: "muted" }, `no classified news on ${c.ticker} up to the signal`)])),
    link("features", "Features", !!c.features?.features, kv(c.features?.features, ["barTs", "close", "sma20", "sma50", "atr14", "recentVol", "realizedVol", "volRatio", "trend", "return1", "return5", "return15"]), traceLink(c.features?.traceId, j)),
    link("watchlist", "Watchlist score", !!c.watchlist?.entry, kv(c.watchlist?.entry, ["rank", "score", "attribution"]), kv(c.watchlist, ["rankedAt"]), traceLink(c.watchlist?.traceId, j)),
    link("signal", `Rule ${c.rule ?? "?"}`, !!s, kv(s, ["signalKey", "ts", "action", "confidence", "close", "barTs", "featureTs", "recentVol"]), el("div", { class: "muted" }, s?.reasonsJson ?? ""), traceLink(c.signal?.traceId, j)),
    link("gates", "Five gates", gates.length === 5, el("table", {}, ...gates.map(([k, g]) => el("tr", { "data-gate": k },
      el("td", {}, el("span", { class: "gate " + (g.passed ? "pass" : "fail") }, g.passed ? "pass" : "fail")), el("td", {}, k),
      el("td", {}, `observed ${JSON.stringify(g.observed)}`), el("td", {}, `threshold ${JSON.stringify(g.threshold)}`))))),
    link("pretrade", `Pre-trade checks: ${c.preTrade.outcome}`, c.preTrade.enteredQty > 0, kv(c.preTrade, ["plannedQty", "enteredQty"]),
      ...c.preTrade.findings.map(f => el("div", {}, kv(f.event, ["reasonCode", "severity", "detailJson"]), traceLink(f.traceId, j)))),
    link("config", "Decision and config", !!d?.configSha, kv(d, ["recommendationId", "status", "configSha", "decidedAt", "side", "qty", "entryPrice", "stopLossPrice", "takeProfitPrice", "notional"]),
      kv({ sizing: c.sizing }, ["sizing"]), traceLink(c.decision?.traceId, j)),
    link("orders", "Orders", c.orders.length > 0, ...c.orders.map(o => kv(o, ["clientOrderId", "legRole", "side", "qty", "avgPrice"]))),
    link("fills", "Fills", c.fills.length > 0, ...c.fills.map(f => el("div", {}, kv(f.fill, ["legRole", "side", "qty", "price", "filledAt", "executionMode"]), traceLink(f.traceId, j))),
      c.close ? kv(c.close.close, ["exitReason", "filledQty", "entryPrice", "exitPrice", "realizedPnl", "closedAt"]) : el("div", { class: "muted" }, "bracket still open")),
    link("trace", "Traces", c.traceIds.length > 0, ...c.traceIds.map(t => el("div", {}, traceLink(t, j)))),
  ];
}

async function showProvenance(executionId) {
  const r = await fetch(`/api/provenance/${executionId}`, { cache: "no-store" });
  $("prov-title").textContent = executionId;
  $("prov-body").replaceChildren(r.ok ? el("div", { id: "prov-chain" }, ...renderProvenance(await r.json()))
    : el("p", { class: "neg" }, `no chain (${r.status}): ${await r.text()}`));
  if (!$("provenance").open) $("provenance").showModal();
}
