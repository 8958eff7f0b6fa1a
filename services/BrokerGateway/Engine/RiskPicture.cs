using Tradewire.BrokerGateway.Domain;
using Tradewire.BrokerGateway.Risk;
using Tradewire.Contracts.Execution;

namespace Tradewire.BrokerGateway.Engine;

/// <summary>
/// The book's risk at the last marks, as <c>/risk</c>, <c>/positions</c> and <c>/metrics</c> show it: equity with
/// unrealized P&amp;L, daily P&amp;L, heat and exposure (USD and as fractions of equity), the loss-limit fractions
/// and how long the worst unprotected position has gone without a stop. Pure: built from a loaded book.
/// Null means unknown (a held ticker without a mark).
/// </summary>
public sealed record RiskPicture
{
    public decimal? Equity { get; init; }
    public decimal RealizedPnl { get; init; }
    public decimal? UnrealizedPnl { get; init; }
    /// <summary>Equity now minus equity at the session's first minute.</summary>
    public decimal? DailyPnl { get; init; }
    /// <summary>Booked by brackets entered this session.</summary>
    public decimal DailyRealizedPnl { get; init; }
    public decimal HeatUsd { get; init; }
    public decimal? Heat { get; init; }
    public decimal? ExposureUsd { get; init; }
    public decimal? Exposure { get; init; }
    public decimal? DailyLoss { get; init; }
    public decimal? SessionDrawdown { get; init; }
    public decimal? Drawdown { get; init; }
    /// <summary>Market seconds the longest-unprotected open position has been held without a working stop (0: all covered).</summary>
    public double UnprotectedSeconds { get; init; }
    public required IReadOnlyList<PositionView> Positions { get; init; }

    public static RiskPicture Of(Book book, RiskLimits limits, decimal dailyRealizedPnl)
    {
        var equity = book.Equity(limits.StartingEquity);
        var exposure = book.Exposure();
        var heat = book.OpenRisk();
        var s = book.Status;
        var positions = book.Positions.Values.Where(p => p.Qty != 0).OrderBy(p => p.Ticker, StringComparer.Ordinal).Select(p => View(book, p)).ToList();
        return new RiskPicture
        {
            Equity = equity, RealizedPnl = book.RealizedPnl, UnrealizedPnl = book.UnrealizedPnl(),
            DailyPnl = equity - s.DayStartEquity, DailyRealizedPnl = dailyRealizedPnl,
            HeatUsd = heat, Heat = equity is > 0 ? heat / equity : null,
            ExposureUsd = exposure, Exposure = equity is > 0 ? exposure / equity : null,
            DailyLoss = Fraction(equity, s.DayStartEquity), SessionDrawdown = Fraction(equity, s.SessionPeakEquity ?? s.DayStartEquity),
            Drawdown = Fraction(equity, s.PeakEquity),
            UnprotectedSeconds = positions.Count == 0 ? 0 : book.Positions.Values.Where(p => p.Qty != 0).Max(p => SecondsUnprotected(book, p)),
            Positions = positions,
        };
    }

    static decimal? Fraction(decimal? equity, decimal? reference) =>
        equity is { } e && reference is > 0 ? Math.Round(LossLimits.LossFraction(e, reference.Value), 6) : null;

    static IEnumerable<Bracket> OpenBrackets(Book book, string ticker) =>
        book.Brackets.Values.Where(b => b.Ticker == ticker && !BracketStates.IsTerminal(b.State) && b.FilledQty > 0);

    static PositionView View(Book book, Position p)
    {
        var mark = book.LastPrice(p.Ticker);
        var latest = OpenBrackets(book, p.Ticker).OrderByDescending(b => b.EntryFilledAt).FirstOrDefault();
        var stop = latest is null ? null : book.Order(latest, LegRole.Stop) is { Status: OrderStatus.Working } s ? s.StopPrice : latest.StopPrice;
        var target = latest is null ? null : book.Order(latest, LegRole.Target) is { Status: OrderStatus.Working } t ? t.LimitPrice : latest.TargetPrice;
        decimal? openR = null;
        if (latest is { AvgEntryPrice: { } entry } && mark is { } m && Math.Abs(entry - latest.StopPrice) is > 0 and var risk)
            openR = Math.Round((m - entry) * (latest.Side == OrderSide.Buy ? 1 : -1) / risk, 4);
        return new PositionView(p.Ticker, p.Qty, p.AvgPrice, mark, BookValuation.Unrealized(p, mark), p.RealizedPnl, stop, target, openR,
            StopCoverage(book, p.Ticker) >= Math.Abs(p.Qty), p.OcoGroup, p.UpdatedAt);
    }

    static decimal StopCoverage(Book book, string ticker) =>
        book.Orders.Values.Where(o => o.Ticker == ticker && o.Role == LegRole.Stop && o.Status == OrderStatus.Working).Sum(o => o.Remaining);

    /// <summary>
    /// 0 when working stops cover the position. Otherwise counted from when its cover went: the exit order's
    /// placing for a bracket exiting at market, else the entry's first fill; for a position no open bracket
    /// holds (an orphan), its last change. Market time, up to the last minute the gateway processed.
    /// </summary>
    static double SecondsUnprotected(Book book, Position p)
    {
        if (StopCoverage(book, p.Ticker) >= Math.Abs(p.Qty) || book.Status.MarketTime is not { } now)
            return 0;
        var uncovered = OpenBrackets(book, p.Ticker).Where(b => book.Order(b, LegRole.Stop) is not { Status: OrderStatus.Working })
            .Select(b => book.Order(b, LegRole.Exit)?.CreatedAt ?? b.EntryFilledAt ?? p.UpdatedAt).ToList();
        var since = uncovered.Count > 0 ? uncovered.Min() : p.UpdatedAt;
        return Math.Max(0, (now - since).TotalSeconds);
    }
}
