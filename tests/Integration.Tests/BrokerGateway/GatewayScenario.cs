using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Market;
using Tradewire.Contracts.Signals;

namespace Tradewire.Integration.Tests.BrokerGateway;

/// <summary>Builds the inputs of a simulated session: bracket commands and flat or shaped bars per minute.</summary>
public static class GatewayScenario
{
    public static readonly NyseCalendar Calendar = new();

    public static PlaceBracketOrder Order(string ticker, DateTimeOffset minute, decimal qty = 10, decimal entry = 100m,
        decimal stop = 95m, decimal target = 110m, Guid? executionId = null) => new()
    {
        ExecutionId = executionId ?? Guid.NewGuid(), RecommendationId = 1, Ticker = ticker, Side = OrderSide.Buy, Action = TradeAction.BuyStock,
        InstrumentType = InstrumentType.Stock, Qty = qty, EntryPrice = entry, StopLossPrice = stop, TakeProfitPrice = target, MaxHoldMinutes = 390,
        DecisionTs = minute.AddMinutes(1), SignalTs = minute.AddSeconds(50), Confidence = 0.7m, ConfigSha = "cfg-sha-test", ExecutionMode = ExecutionMode.Paper,
    };

    public static Bar Bar(string symbol, DateTimeOffset minute, decimal open, decimal high, decimal low, decimal close) =>
        new() { Symbol = symbol, Minute = minute, Open = open, High = high, Low = low, Close = close, Volume = 50_000 };

    public static IReadOnlyList<Bar> Flat(IEnumerable<string> symbols, DateTimeOffset minute, decimal price) =>
        symbols.Order(StringComparer.Ordinal).Select(s => Bar(s, minute, price, price, price, price)).ToList();
}
