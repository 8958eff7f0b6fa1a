using Microsoft.Extensions.Options;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Risk;
using Tradewire.Contracts.Signals;
using Tradewire.Contracts.Watchlist;
using Tradewire.Contracts;
using Tradewire.Dashboard.Domain;
using Tradewire.Dashboard.Persistence;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Dashboard.Http;

/// <summary>
/// Everything the page's panels show, for the latest session the dashboard has heard of, rebuilt from the stored
/// events on each request (the page asks again whenever a push arrives).
/// </summary>
public sealed class StateQuery(DashboardReader db, MinuteBarCache bars, IMarketCalendar calendar, IOptions<DashboardOptions> options)
{
    public async Task<object> Build()
    {
        var o = options.Value;
        var date = (await db.Rows("SELECT max(session_date) FROM (SELECT max(session_date) AS session_date FROM dash_bars UNION ALL SELECT max(session_date) FROM dash_signals) s",
            r => r.IsDBNull(0) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(0))).Single();
        var session = date is { } d ? calendar.GetSession(d) : null;
        // The session's calendar day in New York: its open is 09:30 there, every session day is 24 h long.
        var dayStart = session?.OpenUtc.AddHours(-9.5) ?? DateTimeOffset.MinValue;
        var dayEnd = session is null ? DateTimeOffset.MaxValue : dayStart.AddDays(1);

        var decisions = await db.Rows("SELECT payload FROM dash_decisions WHERE execution_id IS NOT NULL", r => DashboardReader.Payload<RecommendationDecided>(r, 0));
        var fills = await db.Rows("SELECT payload, trace_id FROM dash_fills ORDER BY filled_at, message_id",
            r => (Fill: DashboardReader.Payload<OrderFilled>(r, 0), TraceId: DashboardReader.Text(r, 1)));
        var closes = await db.Rows("SELECT payload FROM dash_bracket_closes", r => DashboardReader.Payload<BracketClosed>(r, 0));
        var minutes = date is { } day ? await bars.Session(db, day) : [];
        var replay = BookReplay.Run(o.StartingEquity, decisions, fills.Select(f => f.Fill), closes, minutes, dayStart, dayEnd);

        var watchlist = date is null ? null : await db.One("SELECT minute, payload FROM dash_watchlists WHERE session_date = $1 ORDER BY minute DESC LIMIT 1",
            r => new { Minute = r.GetFieldValue<DateTimeOffset>(0), Entries = DashboardReader.Payload<List<WatchlistEntry>>(r, 1) }, date);
        var tape = await db.Rows("""
            SELECT s.payload, s.minute, d.payload FROM dash_signals s LEFT JOIN dash_decisions d ON d.signal_key = s.signal_key
            ORDER BY s.minute DESC, s.signal_key LIMIT 60
            """, r => new { Signal = DashboardReader.Payload<Recommendation>(r, 0), Minute = r.GetFieldValue<DateTimeOffset>(1),
                Decision = r.IsDBNull(2) ? null : DashboardReader.Payload<RecommendationDecided>(r, 2) });
        var risk = await db.Rows("SELECT payload FROM dash_risk_events ORDER BY at DESC, event_id LIMIT 30", r => DashboardReader.Payload<RiskEventRaised>(r, 0));
        var states = await db.Rows("SELECT payload FROM dash_trading_states ORDER BY at DESC LIMIT 10", r => DashboardReader.Payload<TradingStateChanged>(r, 0));
        var counts = await db.Rows("""
            SELECT (SELECT count(*) FROM dash_signals), (SELECT count(*) FROM dash_decisions WHERE status = 'SIMULATED'),
                   (SELECT count(*) FROM dash_decisions WHERE status = 'SKIPPED'), (SELECT count(*) FROM dash_fills)
            """, r => new { Signals = r.GetInt64(0), Executed = r.GetInt64(1), Skipped = r.GetInt64(2), Fills = r.GetInt64(3) });

        var now = replay.Now;
        return new
        {
            SessionDate = date,
            LastMinute = minutes.Count > 0 ? minutes[^1].Minute : (DateTimeOffset?)null,
            Mode = fills.Count > 0 ? fills[^1].Fill.ExecutionMode : decisions.LastOrDefault()?.ExecutionMode,
            TradingState = states.FirstOrDefault(),
            Portfolio = new
            {
                now.StartingEquity, now.Equity, now.Realized, now.DailyRealized, now.Unrealized, now.DailyPnl,
                now.OpenRisk, now.HeatPct, HeatCapPct = o.HeatCapPct, now.GrossExposure, now.ExposurePct, now.OpenPositions,
            },
            Curve = replay.Curve,
            Positions = replay.Book.Lines.OrderByDescending(l => l.IsOpen).ThenBy(l => l.Ticker).Select(l => new
            {
                l.ExecutionId, l.Ticker, Side = l.Direction > 0 ? "LONG" : "SHORT", l.Qty, l.EnteredQty, AvgPrice = Math.Round(l.AvgPrice, 4),
                l.Stop, l.Target, l.Mark, Unrealized = Math.Round(l.Unrealized, 2), Realized = Math.Round(l.Realized, 2), l.OpenR, l.IsOpen, l.ExitReason,
            }),
            Fills = fills.AsEnumerable().Reverse().Take(100).Select(f => new { f.Fill, f.TraceId }),
            Watchlist = watchlist,
            Tape = tape,
            RiskEvents = risk,
            TradingStates = states,
            Events = Feed(risk, closes, states),
            Counts = counts.Single(),
            o.JaegerUrl,
        };
    }

    /// <summary>The events feed: risk blocks and rejects, bracket (OCO) closes and trading-state changes, newest first.</summary>
    static IEnumerable<object> Feed(IEnumerable<RiskEventRaised> risk, IEnumerable<BracketClosed> closes, IEnumerable<TradingStateChanged> states) =>
        risk.Select(r => (At: r.At, Item: (object)new { Kind = "risk", r.At, r.Ticker, Text = $"{r.ReasonCode} ({Wire.Name(r.Severity)})", r.ExecutionId, Detail = r.DetailJson }))
            .Concat(closes.Select(c => (At: c.ClosedAt, Item: (object)new { Kind = "close", At = c.ClosedAt, c.Ticker,
                Text = $"bracket closed by {c.ExitReason}: {c.FilledQty} @ {c.EntryPrice} -> {c.ExitPrice}, P&L {c.RealizedPnl:F2}", c.ExecutionId, Detail = "" })))
            .Concat(states.Select(s => (At: s.At, Item: (object)new { Kind = "state", s.At, Ticker = (string?)null,
                Text = $"trading {Wire.Name(s.Previous)} -> {Wire.Name(s.State)} by {s.Actor}: {s.Reason}", ExecutionId = (Guid?)null, Detail = "" })))
            .OrderByDescending(x => x.At).Take(50).Select(x => x.Item);
}
