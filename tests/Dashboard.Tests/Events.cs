using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Market;
using Tradewire.Contracts.Signals;
using Tradewire.Contracts;

namespace Tradewire.Dashboard.Tests;

/// <summary>Builders of the published events the projections are fed.</summary>
static class Events
{
    public static readonly DateTimeOffset Open = new(2026, 11, 20, 14, 30, 0, TimeSpan.Zero);

    public static RecommendationDecided Decision(Guid executionId, string ticker, string side, decimal qty, decimal entry, decimal stop, decimal target) => new()
    {
        RecommendationId = 1, SignalKey = ticker + "|k", Ticker = ticker, Action = TradeAction.BuyStock, Confidence = 0.8m, Status = "SIMULATED",
        RiskGateJson = "{}", ConfigSha = "sha", RunId = Guid.NewGuid(), DecidedAt = Open, SignalTs = Open, ExecutionId = executionId,
        Side = Wire.Parse<OrderSide>(side), Qty = qty, EntryPrice = entry, StopLossPrice = stop, TakeProfitPrice = target, Notional = qty * entry, ExecutionMode = ExecutionMode.Paper,
    };

    public static OrderFilled Fill(Guid executionId, string ticker, string role, string side, decimal qty, decimal price, int minute) => new()
    {
        ClientOrderId = $"{executionId:N}-{role}", ExecutionId = executionId, Ticker = ticker, LegRole = role, Side = Wire.Parse<OrderSide>(side), Qty = qty,
        Price = price, FilledAt = Open.AddMinutes(minute), ExecutionMode = ExecutionMode.Paper,
    };

    public static (DateTimeOffset, IReadOnlyList<Bar>) Minute(int minute, params (string Symbol, decimal Close)[] closes) =>
        (Open.AddMinutes(minute), closes.Select(c => new Bar
        {
            Symbol = c.Symbol, Minute = Open.AddMinutes(minute), Open = c.Close, High = c.Close, Low = c.Close, Close = c.Close, Volume = 100,
        }).ToList());
}
