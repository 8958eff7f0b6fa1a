// The outcomes panel: the dispatcher's outcome labels of one trading date (what the market did after each decision),
// read on demand through /api/outcomes. Labels are written after the close, so the panel does not follow the pushes:
// it loads the session's date once it is known, and again when the operator presses Load.
"use strict";

const pct = (fraction, digits, sign) => fraction === null || fraction === undefined ? "-"
  : (sign && fraction > 0 ? "+" : "") + (fraction * 100).toFixed(digits) + " %";
const cell = (col, text, cls) => el("td", { "data-col": col, class: cls ?? "" }, text);
const tone = v => v > 0 ? "pos" : v < 0 ? "neg" : "";

function outcomeGroupRow(g, byRule) {
  return el("tr", { "data-kind": g.kind }, cell("kind", g.kind), cell("rule", byRule ? g.rule ?? "unknown" : "all rules"), cell("labelled", g.labelled), cell("stop", g.stop),
    cell("target", g.target), cell("neither", g.neither), cell("no_answer", g.no_answer), cell("same_bar", g.same_bar),
    cell("hit_rate", pct(g.hit_rate, 1, false)),
    ...g.mean_returns.map(m => cell("mean_" + m.minutes + "m", el("span", { title: `n=${m.n}` }, pct(m.mean, 3, true)), tone(m.mean))));
}

function outcomeRow(r) {
  return el("tr", { class: "outcome-row", "data-recommendation-id": String(r.recommendation_id), "data-kind": r.kind },
    cell("minute", nyTime(r.decision_minute)), cell("ticker", r.ticker), cell("kind", r.kind), cell("action", `${r.action} (${r.side})`),
    cell("rule", r.rule ?? "?"), cell("first_hit", r.first_hit ?? "no answer", r.first_hit === "TARGET" ? "pos" : r.first_hit === "STOP" ? "neg" : ""),
    ...[r.fwd_ret_1m, r.fwd_ret_5m, r.fwd_ret_15m, r.fwd_ret_60m].map((v, i) => cell("fwd_" + [1, 5, 15, 60][i] + "m", pct(v, 3, true), tone(v))),
    cell("mae", r.mae_r === null ? num(r.mae, 4) : num(r.mae_r) + "R"), cell("mfe", r.mfe_r === null ? num(r.mfe, 4) : num(r.mfe_r) + "R"),
    cell("regime", r.regime ?? "-"), cell("skip_reason", r.skip_reason ?? ""));
}

async function loadOutcomes() {
  const date = $("outcomes-date").value;
  $("outcomes-status").textContent = "loading...";
  const r = await fetch("/api/outcomes?date=" + encodeURIComponent(date), { cache: "no-store" });
  const text = await r.text();
  let body = null;
  try { body = JSON.parse(text); } catch { }
  $("outcomes-card").dataset.status = String(r.status);
  if (!r.ok || !body) {
    $("outcomes-status").textContent = `no outcomes (${r.status}): ${body?.message ?? body?.detail ?? text}`;
    fill($("outcomes-groups"), []);
    fill($("outcomes-rows"), []);
    return;
  }
  const s = body.summary;
  $("outcomes-card").dataset.date = body.date;
  $("outcomes-status").textContent = body.run
    ? `${body.date}: ${s.labelled} decisions labelled (run at ${new Date(body.run.ran_at).toISOString()}); hit rate = target first over those with a stop-or-target answer; returns in the trade's direction`
    : `${body.date}: none labelled yet (./tradewire outcomes --date ${body.date})`;
  fill($("outcomes-groups"), [
    ...s.by_kind.map(g => { const row = outcomeGroupRow(g, false); row.classList.add("by-kind"); return row; }),
    ...s.by_rule.map(g => { const row = outcomeGroupRow(g, true); row.classList.add("by-rule"); row.dataset.rule = g.rule ?? ""; return row; }),
  ]);
  fill($("outcomes-rows"), body.rows.map(outcomeRow));
}

function outcomesSessionKnown(sessionDate) {
  if (!sessionDate || $("outcomes-date").value) return;
  $("outcomes-date").value = sessionDate;
  loadOutcomes();
}

$("outcomes-form").addEventListener("submit", e => { e.preventDefault(); loadOutcomes(); });
