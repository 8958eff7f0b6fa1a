namespace Tradewire.Contracts.Risk;

/// <summary>Event: the broker-gateway's trading state changed: <c>ACTIVE</c>, <c>PAUSED</c>, <c>REDUCING</c>, <c>HALTED</c>.</summary>
public sealed record TradingStateChanged
{
    public required TradingState State { get; init; }
    public required TradingState Previous { get; init; }
    public required string Reason { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset At { get; init; }
}
