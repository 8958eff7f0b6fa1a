using Tradewire.Contracts.Execution;

namespace Tradewire.BrokerGateway.Domain;

/// <summary>One fill (row of <c>trades</c>). <see cref="TradeId"/> is deterministic: client order id + fill sequence.</summary>
public sealed record TradeRecord(string TradeId, string ClientOrderId, Guid ExecutionId, string Ticker, OrderSide Side,
    LegRole Role, decimal Qty, decimal Price, DateTimeOffset FilledAt, ExecutionMode ExecutionMode);
