using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Domain;
using Tradewire.BrokerGateway.Saga;
using Tradewire.ServiceDefaults.MarketTime;

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

    /// <summary>(d) End of day on market time: tighten stops at close-10, flatten at close-5 (session close from the calendar).</summary>
    async Task ApplyEndOfDay(Book book, TradingSession session, DateTimeOffset minute, DateTimeOffset close)
    {
        if (close == session.CloseUtc.AddMinutes(-options.TightenStopsMinutesBeforeClose))
            await TightenStops(book, close);
        if (close < session.CloseUtc.AddMinutes(-options.FlattenMinutesBeforeClose) || IsFlat(book))
            return;
        var flat = await Flatten(book, close, "EOD");
        Raise(book, close, flat ? "EOD_FLAT" : "EOD_NOT_FLAT", flat ? "INFO" : "CRITICAL", null, null, "eod", new
        {
            openPositions = book.Positions.Values.Count(p => p.Qty != 0),
            workingOrders = book.Orders.Values.Count(o => o.Status == OrderStatus.Working),
            sessionClose = session.CloseUtc,
        });
    }

    /// <summary>Stops move to break-even when the position is in profit, else halfway towards the last price; never loosened.</summary>
    async Task TightenStops(Book book, DateTimeOffset at)
    {
        foreach (var bracket in book.Brackets.Values.Where(b => b.State is BracketState.Protected or BracketState.EntryPartial))
        {
            if (book.Order(bracket, LegRole.Stop) is not { Status: OrderStatus.Working, StopPrice: { } stop } leg
                || book.Marks.GetValueOrDefault(bracket.Ticker) is not { LastPrice: > 0 } mark || bracket.AvgEntryPrice is not { } entry)
                continue;
            var sign = bracket.Side == OrderSide.Buy ? 1 : -1;
            var inProfit = (mark.LastPrice - entry) * sign > 0;
            var target = inProfit ? entry : stop + (mark.LastPrice - stop) / 2;
            // On the venue's tick and a cent inside the last price, as the venue requires of a stop-loss leg.
            var tightened = Price.ClampStop(Price.OnTick(sign > 0 ? Math.Max(stop, target) : Math.Min(stop, target), leg.Side), mark.LastPrice, leg.Side).Value;
            if (sign > 0 ? tightened < stop : tightened > stop)
                continue; // the cent the venue asks for would loosen it: keep the stop as it is
            if (tightened == stop || Noted(book, await broker.Amend(leg.ClientOrderId, null, tightened), "amend", leg, at).Status != AckStatus.Accepted)
                continue;
            leg.StopPrice = tightened;
            leg.Dirty = true;
            Raise(book, at, "EOD_STOP_TIGHTENED", "INFO", bracket.Ticker, bracket.ExecutionId, "eod", new { from = stop, to = tightened, breakEven = inProfit });
        }
    }
}
