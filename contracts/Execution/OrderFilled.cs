namespace Tradewire.Contracts.Execution;

/// <summary>Event: an order (entry or exit leg) filled, fully or partly, at <see cref="Price"/>.</summary>
public sealed record OrderFilled
{
    public required string ClientOrderId { get; init; }
    public required Guid ExecutionId { get; init; }
    public required string Ticker { get; init; }

    /// <summary><c>ENTRY</c>, <c>STOP</c>, <c>TARGET</c> or <c>EXIT</c> (market exit: max hold, EOD, flatten).</summary>
    public required string LegRole { get; init; }
    public required OrderSide Side { get; init; }
    public required decimal Qty { get; init; }
    public required decimal Price { get; init; }
    public required DateTimeOffset FilledAt { get; init; }
    public required ExecutionMode ExecutionMode { get; init; }
}
