namespace Tradewire.Ingest.News;

/// <summary>
/// One item as a reader found it, before cleaning and validation: raw strings straight from the XML
/// (CDATA unwrapped, entities of the XML layer decoded, HTML still in place), and the first date candidate.
/// </summary>
public sealed record FeedItemDraft(string? Id, string? Title, string? Summary, string? Link, DateTimeOffset? Published, string? RawDate);
