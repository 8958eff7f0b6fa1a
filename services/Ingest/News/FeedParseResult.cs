using Tradewire.Contracts.News;
namespace Tradewire.Ingest.News;

/// <summary>
/// Outcome of parsing one feed document: either the feed was refused as a whole (<see cref="FeedError"/> set,
/// no items), or it was read and yields its accepted <see cref="Items"/> plus per-item rejections.
/// </summary>
public sealed record FeedParseResult
{
    public IReadOnlyList<NewsItem> Items { get; init; } = [];
    public IReadOnlyList<FeedRejection> ItemRejections { get; init; } = [];
    public FeedRejection? FeedError { get; init; }
    /// <summary>Which reader understood the document: "syndication" or "xml-fallback"; null when refused.</summary>
    public string? Reader { get; init; }

    public bool IsRejected => FeedError is not null;

    public static FeedParseResult Rejected(string reasonCode, string detail) =>
        new() { FeedError = FeedRejection.Feed(reasonCode, detail) };
}
