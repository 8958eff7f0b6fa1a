// Inline SVG charts drawn by the page itself (no library, no CDN: the machine has no internet).
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const COMPONENT_COLORS = {
  momentum: "#58a6ff", trend: "#3fb950", liquidity: "#d29922", volatility_regime: "#a371f7",
  news_sentiment: "#f778ba", reward_risk: "#39c5cf",
};

function svgEl(tag, attrs, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

// The intraday equity curve: one point per minute, a dashed line at the starting equity.
function drawEquity(svg, points, startingEquity) {
  clear(svg);
  const w = 600, h = 160, pad = 4;
  if (!points || points.length < 2) {
    svg.appendChild(svgEl("text", { x: 10, y: 80, fill: "#8b98a5" }, "waiting for bars"));
    return;
  }
  const values = points.map(p => p.equity);
  let lo = Math.min(startingEquity, ...values), hi = Math.max(startingEquity, ...values);
  if (hi - lo < 1) { hi += 1; lo -= 1; }
  const x = i => pad + (w - 2 * pad) * i / (points.length - 1);
  const y = v => h - pad - (h - 2 * pad) * (v - lo) / (hi - lo);
  svg.appendChild(svgEl("line", { x1: 0, x2: w, y1: y(startingEquity), y2: y(startingEquity), stroke: "#33414f", "stroke-dasharray": "4 4" }));
  const path = points.map((p, i) => `${x(i).toFixed(1)},${y(p.equity).toFixed(1)}`).join(" ");
  const last = values[values.length - 1];
  svg.appendChild(svgEl("polyline", { points: path, fill: "none", stroke: last >= startingEquity ? "#3fb950" : "#f85149", "stroke-width": 1.5, id: "equity-line" }));
  svg.appendChild(svgEl("text", { x: w - 4, y: 14, fill: "#8b98a5", "text-anchor": "end", "font-size": 11 }, `$${hi.toFixed(0)}`));
  svg.appendChild(svgEl("text", { x: w - 4, y: h - 6, fill: "#8b98a5", "text-anchor": "end", "font-size": 11 }, `$${lo.toFixed(0)}`));
}

// The heat gauge: a half circle from 0 to twice the cap, the cap marked in red.
function drawHeat(svg, pct, capPct) {
  clear(svg);
  const cx = 100, cy = 105, r = 80, full = Math.max(capPct * 2, 0.01);
  const point = f => {
    const a = Math.PI * (1 - Math.min(Math.max(f, 0), 1));
    return [cx + r * Math.cos(a), cy - r * Math.sin(a)];
  };
  const arc = (from, to, color, width) => {
    const [x1, y1] = point(from), [x2, y2] = point(to);
    return svgEl("path", { d: `M ${x1} ${y1} A ${r} ${r} 0 0 1 ${x2} ${y2}`, fill: "none", stroke: color, "stroke-width": width });
  };
  svg.appendChild(arc(0, 1, "#253040", 14));
  const f = pct / full;
  if (f > 0) svg.appendChild(arc(0, Math.min(f, 1), pct >= capPct ? "#f85149" : pct >= capPct * 0.75 ? "#d29922" : "#3fb950", 14));
  const [mx, my] = point(0.5);
  svg.appendChild(svgEl("line", { x1: cx, y1: cy, x2: mx, y2: my - 10, stroke: "#f85149", "stroke-width": 1, "stroke-dasharray": "2 2" }));
  svg.appendChild(svgEl("text", { x: cx, y: cy - 12, fill: "#dde3ea", "text-anchor": "middle", "font-size": 22, id: "heat-value" }, `${pct.toFixed(2)}%`));
  svg.appendChild(svgEl("text", { x: cx, y: cy + 12, fill: "#8b98a5", "text-anchor": "middle", "font-size": 10 }, `cap ${capPct}%`));
}

// One watchlist entry's score as a stacked bar of its components (negative ones drawn left of zero).
function attributionBar(attribution, maxAbs) {
  const w = 220, h = 12, zero = w * 0.25, scale = (w - zero) / Math.max(maxAbs, 1e-9);
  const svg = svgEl("svg", { viewBox: `0 0 ${w} ${h}`, width: w, height: h });
  let pos = zero, neg = zero;
  for (const [name, value] of Object.entries(attribution)) {
    const width = Math.abs(value) * scale;
    const x = value >= 0 ? pos : neg - width;
    if (value >= 0) pos += width; else neg -= width;
    const rect = svgEl("rect", { x, y: 0, width: Math.max(width, 0), height: h, fill: COMPONENT_COLORS[name] || "#8b98a5" });
    rect.appendChild(svgEl("title", {}, `${name}: ${Number(value).toFixed(3)}`));
    svg.appendChild(rect);
  }
  svg.appendChild(svgEl("line", { x1: zero, x2: zero, y1: 0, y2: h, stroke: "#dde3ea" }));
  return svg;
}
