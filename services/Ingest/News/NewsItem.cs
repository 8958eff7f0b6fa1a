namespace Tradewire.Ingest.News;

/// <summary>
/// One accepted news item from a feed, ready for <c>inbound_events_raw</c>.
/// Invariants: <see cref="Title"/> is non-empty plain text; <see cref="PublishedAt"/> is UTC and never later than
/// the fetch time plus one day nor earlier than 1990 (otherwise it is the fetch time and
/// <see cref="PublishedAtInferred"/> is true); <see cref="NewsId"/> is a pure function of
/// (<see cref="Source"/>, <see cref="ExternalId"/>).
/// </summary>
public sealed record NewsItem
{
    public required Guid NewsId { get; init; }
    /// <summary>The feed the item came from (its URL): half of the dedupe key.</summary>
    public required string Source { get; init; }
    /// <summary>The feed's guid/id, else <c>sha256:</c> of link + title: the other half of the dedupe key.</summary>
    public required string ExternalId { get; init; }
    public required string Title { get; init; }
    /// <summary>Plain text (HTML stripped, entities decoded); null when the feed has none.</summary>
    public string? Summary { get; init; }
    public string? Link { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
    /// <summary>True when the feed gave no usable date and <see cref="PublishedAt"/> is the fetch time.</summary>
    public required bool PublishedAtInferred { get; init; }
}
