// The operator token (this tab only: sessionStorage) and the kill switch. Without a token the page is read-only.
"use strict";

function tokenChanged() {
  const has = !!sessionStorage.getItem(TOKEN_KEY);
  $("kill").disabled = !has;
  $("token").hidden = has;
  $("unlock").hidden = has;
  $("lock").hidden = !has;
}

async function pressKillSwitch() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return;
  if (!confirm("Kill switch: cancel every order, close every position at market and HALT trading?")) return;
  $("kill-result").textContent = "flattening...";
  const r = await fetch("/api/flatten", {
    method: "POST", headers: { "Authorization": "Bearer " + token, "Content-Type": "application/json" },
    body: JSON.stringify({ reason: "kill switch pressed on the dashboard" }),
  });
  const text = await r.text();
  if (r.status === 401) { sessionStorage.removeItem(TOKEN_KEY); tokenChanged(); }
  let body = null;
  try { body = JSON.parse(text); } catch { }
  $("kill-result").textContent = r.ok && body
    ? `flattened: state ${body.state}, flat ${body.flat}, ${body.ordersCancelled} orders cancelled, ${body.positionsClosed} positions closed in ${Number(body.elapsedMs).toFixed(0)} ms`
    : `refused (${r.status}): ${body?.detail ?? text}`;
  $("kill-result").dataset.status = String(r.status);
  refresh();
}

$("token-form").addEventListener("submit", e => {
  e.preventDefault();
  const value = $("token").value.trim();
  $("token").value = "";
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  tokenChanged();
});
$("lock").addEventListener("click", () => { sessionStorage.removeItem(TOKEN_KEY); tokenChanged(); });
$("kill").addEventListener("click", pressKillSwitch);
tokenChanged();
refresh();
connect();
