namespace Tradewire.Contracts.Execution;

/// <summary>Event: a bracket ended (exit reason: <c>STOP</c>, <c>TARGET</c>, <c>MAX_HOLD</c>, <c>EOD</c>, <c>KILL_SWITCH</c>, <c>REJECTED</c>, <c>CANCELLED</c>).</summary>
public sealed record BracketClosed
{
    public required Guid ExecutionId { get; init; }
    public required string Ticker { get; init; }
    public required string ExitReason { get; init; }
    public required decimal FilledQty { get; init; }
    public decimal? EntryPrice { get; init; }
    public decimal? ExitPrice { get; init; }
    public required decimal RealizedPnl { get; init; }
    public required DateTimeOffset ClosedAt { get; init; }
}
