using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Market;

namespace Tradewire.Dashboard.Domain;

/// <summary>
/// Replays the recorded events in market time into a <see cref="PortfolioBook"/>, sampling the book after each
/// minute's bars: the intraday equity curve. A fill is applied before the mark of the minute in which it happened
/// (fills happen at a bar's open, the mark is its close), so a position is always marked after it exists.
/// </summary>
public static class BookReplay
{
    public sealed record Result(PortfolioBook Book, PortfolioSnapshot Now, IReadOnlyList<EquityPoint> Curve);

    public static Result Run(decimal startingEquity, IEnumerable<RecommendationDecided> decisions, IEnumerable<OrderFilled> fills,
        IEnumerable<BracketClosed> closes, IEnumerable<(DateTimeOffset Minute, IReadOnlyList<Bar> Bars)> minutes,
        DateTimeOffset dayStart, DateTimeOffset dayEnd)
    {
        var book = new PortfolioBook(startingEquity);
        foreach (var decision in decisions)
            book.Plan(decision);
        var pending = new Queue<OrderFilled>(fills.OrderBy(f => f.FilledAt));
        var curve = new List<EquityPoint>();
        foreach (var (minute, bars) in minutes.OrderBy(m => m.Minute))
        {
            var closeAt = minute.AddMinutes(1);
            while (pending.Count > 0 && pending.Peek().FilledAt < closeAt)
                book.Apply(pending.Dequeue());
            foreach (var bar in bars)
                book.Mark(bar.Symbol, bar.Close);
            var s = book.Snapshot(dayStart, dayEnd);
            curve.Add(new EquityPoint(closeAt, s.Equity, s.DailyPnl, s.HeatPct));
        }
        while (pending.Count > 0) // fills after the last bar heard (a flatten after the close, or bars still on their way)
            book.Apply(pending.Dequeue());
        foreach (var closed in closes)
            book.Close(closed);
        return new Result(book, book.Snapshot(dayStart, dayEnd), curve);
    }
}
