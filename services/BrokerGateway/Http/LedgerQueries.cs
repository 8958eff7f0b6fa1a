using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tradewire.BrokerGateway.Engine;
using Tradewire.BrokerGateway.Persistence;
using Tradewire.BrokerGateway.Risk;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.BrokerGateway.Http;

/// <summary>
/// Read side of the operator endpoints: <c>/risk</c> and <c>/positions</c>, from one consistent snapshot of the
/// ledger (repeatable read, without the book's lock, so a reader never makes a minute step wait).
/// </summary>
public sealed class LedgerQueries(BrokerGatewayDbContext db, IOptions<RiskLimits> limits, IMarketCalendar calendar)
{
    public async Task<object> Risk() => await InSnapshot(async () =>
    {
        var (book, picture) = await Picture();
        var s = book.Status;
        var events = await Sql.Query(db, "SELECT at, reason_code, severity, ticker, actor, detail_json::text FROM risk_events ORDER BY at DESC, id LIMIT 50",
            r => new { at = r.Time("at"), reasonCode = r.GetString(1), severity = r.GetString(2), ticker = r.Get<string>("ticker"), actor = r.GetString(4), detail = r.GetString(5) });
        var l = limits.Value;
        return (object)new
        {
            state = new
            {
                state = s.State, mode = s.Mode, modeVersion = s.ModeVersion, reason = s.Reason, actor = s.Actor, marketTime = s.MarketTime,
                dayStartEquity = s.DayStartEquity, sessionPeakEquity = s.SessionPeakEquity, peakEquity = s.PeakEquity,
            },
            equity = picture.Equity, realizedPnl = picture.RealizedPnl, unrealizedPnl = picture.UnrealizedPnl,
            dailyPnl = new { total = picture.DailyPnl, realized = picture.DailyRealizedPnl, unrealized = picture.UnrealizedPnl },
            heat = new { usd = picture.HeatUsd, fraction = picture.Heat, cap = l.MaxPortfolioHeatFraction },
            exposure = new { usd = picture.ExposureUsd, fraction = picture.Exposure, cap = l.MaxGrossExposureFraction },
            lossLimits = new
            {
                dailyLoss = new { observed = picture.DailyLoss, threshold = l.MaxDailyLossFraction },
                sessionDrawdown = new { observed = picture.SessionDrawdown, threshold = l.MaxSessionDrawdownFraction },
                drawdown = new { observed = picture.Drawdown, threshold = l.MaxDrawdownFraction },
                positionStopLoss = new { threshold = l.StopLossFraction },
            },
            unprotectedSeconds = picture.UnprotectedSeconds,
            positions = picture.Positions,
            limits = l,
            recentEvents = events,
        };
    });

    public async Task<IReadOnlyList<PositionView>> Positions() => await InSnapshot(async () => (await Picture()).Picture.Positions);

    /// <summary>The book and its risk picture; the caller holds the snapshot transaction.</summary>
    internal async Task<(Book Book, RiskPicture Picture)> Picture()
    {
        var book = await BookStore.Read(db, null);
        var open = book.Status.SessionDate is { } date && calendar.GetSession(date) is { } session ? session.OpenUtc : (DateTimeOffset?)null;
        var dailyRealized = open is null ? 0m : (await Sql.Query(db,
            "SELECT coalesce(sum(realized_pnl), 0) FROM brackets WHERE entry_filled_at >= $1", r => r.GetDecimal(0), open.Value)).Single();
        return (book, RiskPicture.Of(book, limits.Value, dailyRealized));
    }

    internal async Task<T> InSnapshot<T>(Func<Task<T>> read)
    {
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        return await read();
    }
}
