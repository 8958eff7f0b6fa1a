using Tradewire.Contracts.Domain;
using Tradewire.Contracts.Execution;

namespace Tradewire.Dashboard.Domain;

/// <summary>
/// The positions, P&amp;L and heat rebuilt from the published events alone: the dispatcher's decisions give each
/// bracket's side, stop and target; the broker-gateway's fills move quantities and realize P&amp;L; the bars mark
/// what is open. Feed it in time order. Not thread-safe.
/// </summary>
public sealed class PortfolioBook(decimal startingEquity)
{
    readonly Dictionary<Guid, PositionLine> _lines = new();
    readonly Dictionary<Guid, RecommendationDecided> _plans = new();
    readonly Dictionary<string, decimal> _marks = new(StringComparer.Ordinal);
    readonly List<(DateTimeOffset At, decimal Pnl)> _realized = [];

    public IEnumerable<PositionLine> Lines => _lines.Values;

    public void Plan(RecommendationDecided decision)
    {
        if (decision.ExecutionId is not { } id)
            return;
        _plans[id] = decision;
        if (_lines.TryGetValue(id, out var line))
            (line.Stop, line.Target) = (decision.StopLossPrice, decision.TakeProfitPrice);
    }

    public decimal Apply(OrderFilled fill)
    {
        if (!_lines.TryGetValue(fill.ExecutionId, out var line))
        {
            var plan = _plans.GetValueOrDefault(fill.ExecutionId);
            // A bracket's direction is its plan's side; without the plan, the first fill of a bracket is its entry.
            var side = plan?.Side ?? fill.Side;
            line = new PositionLine(fill.ExecutionId, fill.Ticker, side == OrderSide.Sell ? -1 : 1)
            {
                Stop = plan?.StopLossPrice,
                Target = plan?.TakeProfitPrice,
                Mark = _marks.TryGetValue(fill.Ticker, out var m) ? m : null,
            };
            _lines[fill.ExecutionId] = line;
        }
        var pnl = line.Apply(fill.Side, fill.Qty, fill.Price);
        Mark(fill.Ticker, fill.Price); // until the next bar closes, a fill is the symbol's freshest price
        if (pnl != 0)
            _realized.Add((fill.FilledAt, pnl));
        return pnl;
    }

    public void Close(BracketClosed closed)
    {
        if (_lines.TryGetValue(closed.ExecutionId, out var line))
            line.ExitReason = closed.ExitReason;
    }

    public void Mark(string symbol, decimal close)
    {
        _marks[symbol] = close;
        foreach (var line in _lines.Values.Where(l => l.Ticker == symbol))
            line.Mark = close;
    }

    /// <summary>Totals now; <paramref name="dayStart"/> .. <paramref name="dayEnd"/> bounds the realized P&amp;L counted as the day's.</summary>
    public PortfolioSnapshot Snapshot(DateTimeOffset dayStart, DateTimeOffset dayEnd)
    {
        var open = _lines.Values.Where(l => l.IsOpen).ToList();
        return new PortfolioSnapshot(startingEquity,
            Realized: _realized.Sum(r => r.Pnl),
            DailyRealized: _realized.Where(r => r.At >= dayStart && r.At < dayEnd).Sum(r => r.Pnl),
            Unrealized: open.Sum(l => l.Unrealized),
            OpenRisk: open.Sum(l => l.OpenRisk),
            GrossExposure: open.Sum(l => Quantity.Of(l.Qty) * Price.Of(l.Mark ?? l.AvgPrice)),
            OpenPositions: open.Count);
    }
}
