namespace Tradewire.Contracts.Market;

/// <summary>Event: the session closed; every minute of it has been published (<see cref="Minutes"/> ticks).</summary>
public sealed record SessionClosed
{
    public required DateOnly SessionDate { get; init; }
    public required DateTimeOffset ClosedAt { get; init; }
    public required int Minutes { get; init; }
    public required int BarsPublished { get; init; }
    public required int BarsRejected { get; init; }
}
