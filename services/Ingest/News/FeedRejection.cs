namespace Tradewire.Ingest.News;

/// <summary>
/// Why a feed fetch or one of its items was refused: a stable reason code (see <see cref="FeedReasonCodes"/>),
/// kind <c>FEED</c> (the whole fetch) or <c>NEWS</c> (one item), and a human-readable detail.
/// Stored as one <c>ingest_rejections</c> row; never thrown.
/// </summary>
public sealed record FeedRejection(string Kind, string ReasonCode, string Detail, string? Raw = null)
{
    public const string FeedKind = "FEED";
    public const string NewsKind = "NEWS";

    public static FeedRejection Feed(string reasonCode, string detail) => new(FeedKind, reasonCode, detail);
}
