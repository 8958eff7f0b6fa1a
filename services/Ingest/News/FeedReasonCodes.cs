namespace Tradewire.Ingest.News;

/// <summary>Stable reason codes for <c>ingest_rejections</c> rows written by the news poller.</summary>
public static class FeedReasonCodes
{
    /// <summary>The body is not well-formed XML (an HTML error page, truncated bytes, garbage).</summary>
    public const string NotXml = "FEED_NOT_XML";
    /// <summary>Well-formed XML whose root is none of rss, rdf:RDF, feed.</summary>
    public const string NotAFeed = "FEED_NOT_A_FEED";
    /// <summary>No answer within <c>News:Timeout</c> (after all retries).</summary>
    public const string Timeout = "FEED_TIMEOUT";
    /// <summary>Non-success HTTP status or a transport error (after all retries).</summary>
    public const string HttpError = "FEED_HTTP_ERROR";
    /// <summary>An item with no usable title; the rest of the feed is kept.</summary>
    public const string NoTitle = "NEWS_NO_TITLE";
}
