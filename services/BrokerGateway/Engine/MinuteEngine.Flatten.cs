using Tradewire.BrokerGateway.Domain;
using Tradewire.BrokerGateway.Saga;

namespace Tradewire.BrokerGateway.Engine;

public sealed partial class MinuteEngine
{
    /// <summary>
    /// Cancels every working order and closes every position at the last price (kill switch, end of day).
    /// Runs whatever the trading state: a halt stops entries, never exits. Returns true when the book is flat
    /// with no working order; otherwise the caller escalates (a ticker without a price keeps its exit working,
    /// and the next bar fills it at the open).
    /// </summary>
    public async Task<bool> Flatten(Book book, DateTimeOffset at, string reason)
    {
        // Every working order but the market exits first, waiting until the venue has cancelled them and booking
        // what filled meanwhile: only then are the positions still held known, and their shares free to sell.
        await SettleCancels(book, book.Orders.Values.Where(o => o.Status == OrderStatus.Working && o.Role != LegRole.Exit).ToList(), at);
        foreach (var bracket in book.Brackets.Values.Where(b => !BracketStates.IsTerminal(b.State) && b.State != BracketState.Requested).ToList())
        {
            if (bracket.FilledQty == 0)
                await Apply(book, new BracketEntryCancelled(bracket.ExecutionId, at, reason));
            else if (bracket.State != BracketState.Exiting)
                await Apply(book, new BracketExitRequested(bracket.ExecutionId, at, reason, at));
            else
                await SubmitExit(book, bracket, reason, at, at); // already exiting (max hold): the working exit is reused
        }
        // Orders whose bracket is already closed (orphans) go too.
        foreach (var order in book.Orders.Values.Where(o => o.Status == OrderStatus.Working && o.Role != LegRole.Exit
                     && book.Brackets.GetValueOrDefault(o.ExecutionId) is not { State: not (BracketState.Closed or BracketState.Rejected) }).ToList())
            await CancelOrder(book, order, at);

        var prices = book.Marks.Values.Where(m => m.LastPrice > 0).ToDictionary(m => m.Ticker, m => m.LastPrice, StringComparer.Ordinal);
        foreach (var fill in await broker.FillMarketOrdersNow(prices, at))
            await OnFill(book, fill);
        return IsFlat(book);
    }

    public static bool IsFlat(Book book) =>
        book.Positions.Values.All(p => p.Qty == 0) && book.Orders.Values.All(o => o.Status != OrderStatus.Working);
}
