namespace Tradewire.Contracts.Market;

/// <summary>Event: a regular session opened (market time). Early-close days carry their early close.</summary>
public sealed record SessionOpened
{
    public required DateOnly SessionDate { get; init; }
    public required DateTimeOffset OpensAt { get; init; }
    public required DateTimeOffset ClosesAt { get; init; }
    public required bool IsEarlyClose { get; init; }
}
