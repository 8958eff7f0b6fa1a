namespace Tradewire.FakeVenue;

/// <summary>
/// An order as the venue holds it. Immutable: every change stores a new record, so a snapshot never moves under its
/// reader. String fields carry Alpaca's wire values (side <c>buy|sell</c>, type <c>market|limit|stop</c>,
/// time_in_force <c>day|gtc</c>, order_class <c>simple|oco</c>, status <c>new|partially_filled|filled|canceled|replaced|rejected</c>).
/// Quantities in shares, prices in USD, times from the venue's market clock.
/// </summary>
public sealed record VenueOrder
{
    public required string Id { get; init; }
    public required string ClientOrderId { get; init; }
    public required string Symbol { get; init; }
    public required string AssetId { get; init; }
    public required string Side { get; init; }
    public required string Type { get; init; }
    public required string TimeInForce { get; init; }
    public required string OrderClass { get; init; }
    public required decimal Qty { get; init; }
    public decimal FilledQty { get; init; }
    public decimal? FilledAvgPrice { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? FilledAt { get; init; }
    public DateTimeOffset? ExpiredAt { get; init; }
    public DateTimeOffset? CanceledAt { get; init; }
    public DateTimeOffset? FailedAt { get; init; }
    public DateTimeOffset? ReplacedAt { get; init; }
    public string? ReplacedBy { get; init; }
    public string? Replaces { get; init; }

    /// <summary>For an OCO leg, the id of the parent order it currently belongs to (follows the parent's replacements).</summary>
    public string? ParentId { get; init; }

    /// <summary>Still working at the venue: it can fill (a pending cancel or replace races a fill), and it holds its shares.</summary>
    public bool IsOpen => Status is OrderStatus.New or OrderStatus.PartiallyFilled or OrderStatus.Held or OrderStatus.PendingCancel
        or OrderStatus.PendingReplace;

    /// <summary>The status it had before a pending replace, restored when the replace is rejected.</summary>
    public string? StatusBeforeReplace { get; init; }

    /// <summary>Shares still to fill.</summary>
    public decimal RemainingQty => Qty - FilledQty;
}
