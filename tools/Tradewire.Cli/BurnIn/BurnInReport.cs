using System.Globalization;
using System.Net;
using System.Text;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.BurnIn;

/// <summary>
/// The burn-in plan's daily report for one session, as one self-contained HTML file (inline SVG charts):
/// the daily requirements with pass/fail, MAE/MFE distribution, P&amp;L breakdown, portfolio heat timeline and
/// the risk events.
/// </summary>
public static class BurnInReport
{
    public sealed record Requirement(string Name, string Observed, bool Passed);

    public static IReadOnlyList<Requirement> Requirements(BurnInData d, IReadOnlyList<(DateTimeOffset At, double Heat)> heat, double heatCapPercent) =>
    [
        new("signals generated >= 50", d.Signals.ToString(CultureInfo.InvariantCulture), d.Signals >= 50),
        new("decisions planned >= 3", d.Executions.ToString(CultureInfo.InvariantCulture), d.Executions >= 3),
        new("complete OCO lifecycles >= 1 (closed by stop or target)",
            d.Brackets.Count(b => b.ExitReason is "STOP" or "TARGET").ToString(CultureInfo.InvariantCulture), d.Brackets.Any(b => b.ExitReason is "STOP" or "TARGET")),
        new($"portfolio heat never above the cap ({heatCapPercent:0.##} %)", heat.Count == 0 ? "0 %" : $"max {heat.Max(h => h.Heat):0.###} %",
            heat.All(h => h.Heat <= heatCapPercent)),
        new("daily loss stop respected: entries after the day's halt", d.EntriesAfterDailyLossStop.ToString(CultureInfo.InvariantCulture), d.EntriesAfterDailyLossStop == 0),
        new("flat after the close: open brackets of the day", d.OpenBrackets.ToString(CultureInfo.InvariantCulture), d.OpenBrackets == 0),
        new("zero open orders after the close", d.OpenOrders.ToString(CultureInfo.InvariantCulture), d.OpenOrders == 0),
        new("every order has config_sha", $"{d.OrdersWithoutConfigSha} without", d.OrdersWithoutConfigSha == 0),
        new("no duplicate client_order_id", d.DuplicateClientOrderIds.ToString(CultureInfo.InvariantCulture), d.DuplicateClientOrderIds == 0),
    ];

    /// <summary>Open risk to the stops as a percentage of equity, minute by minute through the session.</summary>
    public static IReadOnlyList<(DateTimeOffset At, double Heat)> HeatTimeline(IReadOnlyList<BracketOutcome> brackets, TradingSession session, decimal equity)
    {
        var points = new List<(DateTimeOffset, double)>();
        for (var m = session.OpenUtc; m <= session.CloseUtc; m = m.AddMinutes(1))
        {
            var open = brackets.Where(b => b.EnteredAt <= m && (b.ClosedAt is null || b.ClosedAt > m)).Sum(b => b.Qty * b.RiskPerShare);
            var realized = brackets.Where(b => b.ClosedAt <= m).Sum(b => b.RealizedPnl);
            points.Add((m, (double)(open / (equity + realized) * 100)));
        }
        return points;
    }

    public static string Html(DateOnly date, BurnInData d, TradingSession session, decimal equity, double heatCapPercent)
    {
        var heat = HeatTimeline(d.Brackets, session, equity);
        var requirements = Requirements(d, heat, heatCapPercent);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!doctype html><html><head><meta charset=\"utf-8\"><title>Burn-in report {date:yyyy-MM-dd}</title>")
            .Append("<style>body{font-family:sans-serif;max-width:900px;margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px}.pass{color:#2e7d32}.fail{color:#c62828;font-weight:bold}</style></head><body>")
            .Append(CultureInfo.InvariantCulture, $"<h1>Burn-in report: session {date:yyyy-MM-dd}</h1><p>Mode PAPER, equity {equity:N0}. Times are UTC.</p>");

        html.Append("<h2>Daily requirements</h2><table><tr><th>requirement</th><th>observed</th><th></th></tr>");
        foreach (var r in requirements)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(r.Name)}</td><td>{E(r.Observed)}</td><td class=\"{(r.Passed ? "pass" : "fail")}\">{(r.Passed ? "pass" : "FAIL")}</td></tr>");
        html.Append("</table>");

        var closed = d.Brackets.Where(b => b.ClosedAt is not null).ToList();
        html.Append("<h2>P&amp;L breakdown</h2><table><tr><th></th><th>trades</th><th>winners</th><th>realized P&amp;L</th><th>avg R</th></tr>");
        Row(html, "all", closed);
        foreach (var g in closed.GroupBy(b => b.ExitReason ?? "?").OrderBy(g => g.Key, StringComparer.Ordinal))
            Row(html, "exit " + g.Key, g.ToList());
        foreach (var g in closed.GroupBy(b => b.Side).OrderBy(g => g.Key, StringComparer.Ordinal))
            Row(html, g.Key == "BUY" ? "longs" : "shorts", g.ToList());
        html.Append("</table>");
        html.Append(Svg.Bars("Realized P&L by ticker ($)", closed.GroupBy(b => b.Ticker).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (double)g.Sum(b => b.RealizedPnl))).ToList(), ""));

        html.Append("<h2>MAE / MFE distribution (R)</h2>");
        html.Append(Svg.Bars("MAE: worst excursion against the position, trades per 0.25 R bin", Histogram(closed.Select(b => b.MaeR)), ""));
        html.Append(Svg.Bars("MFE: best excursion in favour, trades per 0.25 R bin", Histogram(closed.Select(b => b.MfeR)), ""));
        html.Append("<table><tr><th>ticker</th><th>side</th><th>qty</th><th>entry</th><th>stop</th><th>exit</th><th>reason</th><th>P&amp;L</th><th>R</th><th>MAE R</th><th>MFE R</th></tr>");
        foreach (var b in d.Brackets)
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(b.Ticker)}</td><td>{b.Side}</td><td>{b.Qty:0}</td><td>{b.Entry:0.00##}</td><td>{b.Stop:0.00##}</td><td>{b.Exit:0.00##}</td><td>{E(b.ExitReason ?? "open")}</td><td>{b.RealizedPnl:0.00}</td><td>{b.RealizedR:0.00}</td><td>{b.MaeR:0.00}</td><td>{b.MfeR:0.00}</td></tr>");
        html.Append("</table>");

        html.Append("<h2>Portfolio heat</h2>").Append(Svg.Line("Open risk to the stops, % of equity", heat.Select(h => (h.At, h.Heat)).ToList(), " %", heatCapPercent));

        html.Append("<h2>Orders</h2><table><tr><th>leg</th><th>status</th><th>count</th></tr>");
        foreach (var (role, status, count) in d.Orders)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{role}</td><td>{status}</td><td>{count}</td></tr>");
        html.Append("</table>");

        html.Append(CultureInfo.InvariantCulture, $"<h2>Risk events ({d.RiskEvents.Count})</h2><table><tr><th>at</th><th>reason</th><th>severity</th><th>ticker</th><th>actor</th><th>detail</th></tr>");
        foreach (var e in d.RiskEvents)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{e.At:HH:mm:ss}</td><td>{E(e.ReasonCode)}</td><td>{E(e.Severity)}</td><td>{E(e.Ticker ?? "")}</td><td>{E(e.Actor)}</td><td><code>{E(e.Detail.Length > 200 ? e.Detail[..200] + "..." : e.Detail)}</code></td></tr>");
        html.Append("</table></body></html>");
        return html.ToString();
    }

    static IReadOnlyList<(string, double)> Histogram(IEnumerable<decimal> values)
    {
        var bins = values.GroupBy(v => Math.Min((int)(v / 0.25m), 16)).ToDictionary(g => g.Key, g => g.Count());
        var top = bins.Count == 0 ? 0 : bins.Keys.Max();
        return Enumerable.Range(0, top + 1).Select(i => ((i * 0.25m).ToString("0.00", CultureInfo.InvariantCulture) + (i == 16 ? "+" : ""), (double)bins.GetValueOrDefault(i))).ToList();
    }

    static void Row(StringBuilder html, string label, IReadOnlyList<BracketOutcome> trades) =>
        html.Append(CultureInfo.InvariantCulture,
            $"<tr><td>{E(label)}</td><td>{trades.Count}</td><td>{trades.Count(t => t.RealizedPnl > 0)}</td><td>{trades.Sum(t => t.RealizedPnl):N2}</td><td>{(trades.Count == 0 ? 0 : trades.Average(t => t.RealizedR)):0.00}</td></tr>");

    static string E(string s) => WebUtility.HtmlEncode(s);
}
