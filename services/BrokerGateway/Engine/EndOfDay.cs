using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Domain;
using Tradewire.Contracts.Domain;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Risk;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.BrokerGateway.Engine;

/// <summary>
/// The end of the trading day, on market time and the exchange's calendar (an early close moves both times with
/// it): at the tighten time (close minus <see cref="EngineOptions.TightenStopsMinutesBeforeClose"/>, 10 min) the
/// working stops are tightened; from the hard-flat time (close minus
/// <see cref="EngineOptions.FlattenMinutesBeforeClose"/>, 5 min) on, no entry is sent and every minute that still
/// finds an order or a position flattens the book (<see cref="MinuteEngine.Flatten"/>, shared with the kill switch).
/// Run by the minute step after its entries; never reads a clock.
/// </summary>
public sealed class EndOfDay(MinuteEngine engine, IBroker broker, EngineOptions options)
{
    /// <summary>When stops are tightened: the close of the minute that ends at this instant.</summary>
    public DateTimeOffset TightenAt(TradingSession session) => session.CloseUtc.AddMinutes(-options.TightenStopsMinutesBeforeClose);

    /// <summary>From this instant on the book must be flat, and no entry is sent.</summary>
    public DateTimeOffset FlatAt(TradingSession session) => session.CloseUtc.AddMinutes(-options.FlattenMinutesBeforeClose);

    /// <summary>Applies the day's end to the minute that closes at <paramref name="close"/>.</summary>
    public async Task Apply(Book book, TradingSession session, DateTimeOffset close)
    {
        if (close == TightenAt(session))
            await TightenStops(book, close);
        if (close < FlatAt(session) || MinuteEngine.IsFlat(book))
            return;
        var flat = await engine.Flatten(book, close, "EOD");
        MinuteEngine.Raise(book, close, flat ? "EOD_FLAT" : "EOD_NOT_FLAT", flat ? Severity.Info : Severity.Critical, null, null, "eod", new
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
            if (tightened == stop || engine.Noted(book, await broker.Amend(leg.ClientOrderId, null, tightened), "amend", leg, at).Status != AckStatus.Accepted)
                continue;
            leg.StopPrice = tightened;
            leg.Dirty = true;
            MinuteEngine.Raise(book, at, "EOD_STOP_TIGHTENED", Severity.Info, bracket.Ticker, bracket.ExecutionId, "eod", new { from = stop, to = tightened, breakEven = inProfit });
        }
    }
}
