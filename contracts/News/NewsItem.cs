namespace Tradewire.Contracts.News;

/// <summary>
/// One news item as ingest received it (a feed entry or a replayed item). <see cref="NewsId"/> is
/// deterministic: derived from the source and the feed's guid (or link + title hash when the feed has no
/// guid), so the same item polled twice, or after a restart, has the same id.
/// </summary>
public sealed record NewsItem
{
    public required Guid NewsId { get; init; }

    /// <summary>Feed URL or replay source name.</summary>
    public required string Source { get; init; }

    /// <summary>The feed's guid, or <c>sha256:</c> of link + title when it has none.</summary>
    public required string ExternalId { get; init; }

    public required string Title { get; init; }
    public string? Summary { get; init; }
    public string? Link { get; init; }

    /// <summary>Publish time from the feed, UTC; the fetch time when the feed gave none (then <see cref="PublishedAtInferred"/>).</summary>
    public required DateTimeOffset PublishedAt { get; init; }

    /// <summary>True when the feed had no usable date and <see cref="PublishedAt"/> is the fetch time.</summary>
    public required bool PublishedAtInferred { get; init; }
}
