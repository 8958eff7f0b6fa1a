using Tradewire.BrokerGateway.Domain;
using Tradewire.Contracts.Domain;

namespace Tradewire.BrokerGateway.Engine;

/// <summary>
/// The book valued at the last marks (close of each ticker's latest bar). Null means unknown: an open position
/// without a mark has no value, so neither has the book (the risk checks then fail safe). USD.
/// </summary>
public static class BookValuation
{
    /// <summary>Open P&amp;L of one position at <paramref name="mark"/>: signed quantity x (mark - average price).</summary>
    public static decimal? Unrealized(Position position, decimal? mark) =>
        position.Qty == 0 ? 0 : mark is > 0 ? position.Qty * (mark.Value - position.AvgPrice) : null;

    public static decimal? LastPrice(this Book book, string ticker) =>
        book.Marks.GetValueOrDefault(ticker) is { LastPrice: > 0 } m ? m.LastPrice : null;

    /// <summary>Open P&amp;L of every position at the last marks.</summary>
    public static decimal? UnrealizedPnl(this Book book)
    {
        decimal total = 0;
        foreach (var p in book.Positions.Values.Where(p => p.Qty != 0))
        {
            if (Unrealized(p, book.LastPrice(p.Ticker)) is not { } u)
                return null;
            total += u;
        }
        return total;
    }

    /// <summary>Starting equity + realized P&amp;L + unrealized P&amp;L at the last marks.</summary>
    public static decimal? Equity(this Book book, decimal startingEquity) =>
        book.UnrealizedPnl() is { } unrealized ? startingEquity + book.RealizedPnl + unrealized : null;

    /// <summary>
    /// Absolute notional held at the last marks plus entries accepted but not filled at their reference price, in
    /// <paramref name="ticker"/> or (null) in all tickers. Null when a held position has no mark.
    /// </summary>
    public static decimal? Exposure(this Book book, string? ticker = null)
    {
        decimal total = 0;
        foreach (var p in book.Positions.Values.Where(p => p.Qty != 0))
        {
            if (book.LastPrice(p.Ticker) is not { } price)
                return null;
            if (ticker is null || p.Ticker == ticker)
                total += Quantity.Of(Math.Abs(p.Qty)) * Price.Of(price);
        }
        foreach (var pending in book.Brackets.Values.Where(x => x.State is BracketState.EntryWorking or BracketState.EntryPartial or BracketState.OutcomeUnknown))
            if (ticker is null || pending.Ticker == ticker)
                total += Quantity.Of(pending.Qty - pending.FilledQty) * Price.Of(book.Marks.GetValueOrDefault(pending.Ticker)?.LastPrice ?? pending.EntryPrice);
        return total;
    }

    /// <summary>Portfolio heat: the sum over open brackets of quantity x distance from entry to stop (USD at risk).</summary>
    public static decimal OpenRisk(this Book book) =>
        book.Brackets.Values.Where(x => !BracketStates.IsTerminal(x.State) && x.State != BracketState.Requested)
            .Sum(x => Math.Max(x.Qty, x.FilledQty) * Math.Abs((x.AvgEntryPrice ?? x.EntryPrice) - x.StopPrice));
}
