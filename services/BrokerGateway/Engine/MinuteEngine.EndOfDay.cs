using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Domain;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.BrokerGateway.Engine;

/// <summary>End of day, on market time from the calendar: stops tightened at close-10, the book flattened at close-5.</summary>
public sealed partial class MinuteEngine
{
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
