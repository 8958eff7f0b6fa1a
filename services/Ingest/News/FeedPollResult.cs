namespace Tradewire.Ingest.News;

/// <summary>
/// What one poll of one feed did: items parsed, newly inserted (the rest were already stored), item
/// rejections, attempts made, and the feed-level failure when every attempt failed.
/// </summary>
public sealed record FeedPollResult(string Source, int Parsed, int Inserted, int ItemRejections, int Attempts, FeedRejection? Failure)
{
    public bool Succeeded => Failure is null;
}
