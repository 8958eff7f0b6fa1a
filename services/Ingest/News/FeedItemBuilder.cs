using Tradewire.Contracts.News;
namespace Tradewire.Ingest.News;

/// <summary>
/// Turns readers' drafts into accepted <see cref="NewsItem"/>s or <c>NEWS</c> rejections, with the same rules for
/// every feed format: clean text, a title is required, dates outside [1990, fetch time + 1 day] or missing
/// become the fetch time with <see cref="NewsItem.PublishedAtInferred"/> set, identity from
/// <see cref="NewsIdentity"/>. Items repeating an external id already seen in the same document are dropped.
/// </summary>
public static class FeedItemBuilder
{
    static readonly DateTimeOffset Earliest = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    public static FeedParseResult Build(string source, DateTimeOffset fetchedAt, IEnumerable<FeedItemDraft> drafts, string reader)
    {
        var items = new List<NewsItem>();
        var rejections = new List<FeedRejection>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            var title = FeedText.Clean(draft.Title);
            var link = string.IsNullOrWhiteSpace(draft.Link) ? null : draft.Link.Trim();
            if (title is null)
            {
                rejections.Add(new FeedRejection(FeedRejection.NewsKind, FeedReasonCodes.NoTitle,
                    // The content key keeps distinct title-less items apart, so each is stored once across polls.
                    $"item without a title (id={draft.Id?.Trim() ?? "none"}, link={link ?? "none"}, key={NewsIdentity.ExternalId(null, link, draft.Summary ?? "")})",
                    Truncate(draft.Summary)));
                continue;
            }
            var externalId = NewsIdentity.ExternalId(draft.Id, link, title);
            if (!seen.Add(externalId))
                continue;
            var published = Sane(draft.Published ?? FeedDateParser.Parse(draft.RawDate), fetchedAt);
            items.Add(new NewsItem
            {
                NewsId = NewsIdentity.NewsId(source, externalId),
                Source = source,
                ExternalId = externalId,
                Title = title,
                Summary = FeedText.Clean(draft.Summary),
                Link = link,
                PublishedAt = published ?? fetchedAt.ToUniversalTime(),
                PublishedAtInferred = published is null,
            });
        }
        return new FeedParseResult { Items = items, ItemRejections = rejections, Reader = reader };
    }

    static DateTimeOffset? Sane(DateTimeOffset? value, DateTimeOffset fetchedAt) =>
        value is { } v && v >= Earliest && v <= fetchedAt + FutureTolerance ? v.ToUniversalTime() : null;

    static string? Truncate(string? raw) => raw is null ? null : raw.Length <= 500 ? raw : raw[..500];
}
