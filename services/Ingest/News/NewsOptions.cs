namespace Tradewire.Ingest.News;

/// <summary>
/// Configuration section <c>News</c>. <c>News:Feeds:0..n</c> are feed URLs (each is also the item's source);
/// durations use TimeSpan syntax (<c>00:01:00</c>).
/// </summary>
public sealed class NewsOptions
{
    public const string Section = "News";

    public List<string> Feeds { get; set; } = [];
    /// <summary>Time between two polls of the same feed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>Per attempt: a feed that has not answered in full by then counts as FEED_TIMEOUT.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Retries after the first attempt (HTTP error, timeout, not a feed), with exponential backoff.</summary>
    public int MaxRetries { get; set; } = 3;
    /// <summary>First backoff delay; doubled per retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
}
