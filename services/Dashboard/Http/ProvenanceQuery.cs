using System.Text.Json;
using Microsoft.Extensions.Options;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Features;
using Tradewire.Contracts.Market;
using Tradewire.Contracts.News;
using Tradewire.Contracts.Risk;
using Tradewire.Contracts.Signals;
using Tradewire.Contracts.Watchlist;
using Tradewire.Dashboard.Persistence;

namespace Tradewire.Dashboard.Http;

/// <summary>
/// "Why did we trade?": the whole chain behind one execution, each link a recorded event joined by ids:
/// execution id -> decision (gates, config sha, sizing, plan) -> signal key -> recommendation (rule, reasons,
/// bar and feature times) -> that bar, those features, the watchlist ranking then in force, the news on the ticker
/// up to the signal -> the fills, the risk events and the bracket's close. Each link carries its trace id.
/// </summary>
public sealed class ProvenanceQuery(DashboardReader db, IOptions<DashboardOptions> options)
{
    public async Task<object?> For(Guid executionId)
    {
        var decision = await db.One("SELECT payload, trace_id FROM dash_decisions WHERE execution_id = $1",
            r => new { Decision = DashboardReader.Payload<RecommendationDecided>(r, 0), TraceId = DashboardReader.Text(r, 1) }, executionId);
        var fills = await db.Rows("SELECT payload, trace_id FROM dash_fills WHERE execution_id = $1 ORDER BY filled_at, message_id",
            r => new { Fill = DashboardReader.Payload<OrderFilled>(r, 0), TraceId = DashboardReader.Text(r, 1) }, executionId);
        if (decision is null && fills.Count == 0)
            return null;
        var ticker = decision?.Decision.Ticker ?? fills[0].Fill.Ticker;

        var signal = decision is null ? null : await db.One("SELECT payload, minute, session_date, trace_id FROM dash_signals WHERE signal_key = $1",
            r => new { Signal = DashboardReader.Payload<Recommendation>(r, 0), Minute = r.GetFieldValue<DateTimeOffset>(1),
                SessionDate = r.GetFieldValue<DateOnly>(2), TraceId = DashboardReader.Text(r, 3) }, decision.Decision.SignalKey);
        object? bar = null, features = null, watchlist = null;
        var news = new List<object>();
        if (signal is not null)
        {
            var s = signal.Signal;
            // A bar's and a feature snapshot's timestamps are their close; the minute they are stored under is the one before.
            bar = await db.One("SELECT payload, trace_id FROM dash_bars WHERE minute = $1",
                r => new { Bar = DashboardReader.Payload<List<Bar>>(r, 0).SingleOrDefault(b => b.Symbol == ticker), TraceId = DashboardReader.Text(r, 1) },
                s.BarTs.AddMinutes(-1).UtcDateTime);
            features = await db.One("SELECT payload, trace_id FROM dash_features WHERE minute = $1",
                r => new { Features = DashboardReader.Payload<List<SymbolFeatures>>(r, 0).SingleOrDefault(f => f.Symbol == ticker), TraceId = DashboardReader.Text(r, 1) },
                s.FeatureTs.AddMinutes(-1).UtcDateTime);
            watchlist = await db.One("SELECT minute, payload, trace_id FROM dash_watchlists WHERE session_date = $1 AND minute <= $2 ORDER BY minute DESC LIMIT 1",
                r => new { RankedAt = r.GetFieldValue<DateTimeOffset>(0), Entry = DashboardReader.Payload<List<WatchlistEntry>>(r, 1).SingleOrDefault(e => e.Symbol == ticker),
                    TraceId = DashboardReader.Text(r, 2) }, signal.SessionDate, signal.Minute.UtcDateTime);
            news.AddRange(await db.Rows("SELECT payload, trace_id FROM dash_news WHERE $1 = ANY(tickers) AND published_at <= $2 ORDER BY published_at DESC LIMIT 3",
                r => (object)new { Item = DashboardReader.Payload<ClassifiedNewsItem>(r, 0), TraceId = DashboardReader.Text(r, 1) }, ticker, s.Ts.UtcDateTime));
        }
        var risk = await db.Rows("SELECT payload, trace_id FROM dash_risk_events WHERE execution_id = $1 ORDER BY at",
            r => new { Event = DashboardReader.Payload<RiskEventRaised>(r, 0), TraceId = DashboardReader.Text(r, 1) }, executionId);
        var close = await db.One("SELECT payload, trace_id FROM dash_bracket_closes WHERE execution_id = $1",
            r => new { Close = DashboardReader.Payload<BracketClosed>(r, 0), TraceId = DashboardReader.Text(r, 1) }, executionId);

        var entered = fills.Where(f => f.Fill.LegRole == "ENTRY").Sum(f => f.Fill.Qty);
        return new
        {
            ExecutionId = executionId,
            Ticker = ticker,
            Signal = signal,
            Rule = signal is null ? null : RuleOf(signal.Signal.ReasonsJson),
            Bar = bar,
            Features = features,
            Watchlist = watchlist,
            News = news,
            Decision = decision,
            Gates = decision is null ? default(JsonElement?) : JsonSerializer.Deserialize<JsonElement>(decision.Decision.RiskGateJson),
            Sizing = decision?.Decision.SizingJson is { } sizing ? JsonSerializer.Deserialize<JsonElement>(sizing) : default(JsonElement?),
            // Pre-trade risk publishes what it refused or reduced (risk events of this execution); an entry that filled
            // with no such event passed every check at the planned size.
            PreTrade = new
            {
                PlannedQty = decision?.Decision.Qty,
                EnteredQty = entered,
                Findings = risk,
                Outcome = risk.Count == 0 ? (entered > 0 ? "APPROVED" : "NO ENTRY FILL")
                    : entered > 0 ? "APPROVED WITH FINDINGS" : "REFUSED",
            },
            Orders = fills.GroupBy(f => f.Fill.ClientOrderId).Select(g => new
            {
                ClientOrderId = g.Key, g.First().Fill.LegRole, g.First().Fill.Side, Qty = g.Sum(f => f.Fill.Qty),
                AvgPrice = Math.Round(g.Sum(f => f.Fill.Qty * f.Fill.Price) / g.Sum(f => f.Fill.Qty), 4),
            }),
            Fills = fills,
            Close = close,
            TraceIds = new[] { signal?.TraceId, decision?.TraceId }.Concat(fills.Select(f => f.TraceId)).Append(close?.TraceId)
                .Where(t => t is not null).Distinct(),
            options.Value.JaegerUrl,
        };
    }

    static string? RuleOf(string reasonsJson)
    {
        try
        {
            using var doc = JsonDocument.Parse(reasonsJson);
            return doc.RootElement.TryGetProperty("rule", out var rule) ? rule.ToString() : null;
        }
        catch (JsonException)
        {
            return null; // reasons are shown verbatim; a rule name is only a convenience
        }
    }
}
