using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;

namespace Tradewire.Ingest.News;

/// <summary>
/// The primary reader: System.ServiceModel.Syndication's RSS 2.0 and Atom 1.0 formatters, with our
/// <see cref="FeedDateParser"/> plugged in so odd dates do not fail the whole feed. Returns null when the
/// library refuses the document (RSS 1.0/RDF, unknown Atom namespace, structural surprises); the caller then
/// uses <see cref="XmlFallbackFeedReader"/>.
/// </summary>
public static class SyndicationFeedReader
{
    const string DublinCore = "http://purl.org/dc/elements/1.1/";

    public static IReadOnlyList<FeedItemDraft>? TryRead(XDocument document)
    {
        using var reader = document.CreateReader();
        reader.MoveToContent();
        SyndicationFeedFormatter formatter = reader.LocalName == "feed" ? new Atom10FeedFormatter() : new Rss20FeedFormatter();
        // Unreadable dates become MinValue instead of an exception; the builder treats them as missing.
        formatter.DateTimeParser = (XmlDateTimeData data, out DateTimeOffset value) =>
        {
            value = FeedDateParser.Parse(data.DateTimeString) ?? DateTimeOffset.MinValue;
            return true;
        };
        if (!formatter.CanRead(reader))
            return null;
        try
        {
            formatter.ReadFrom(reader);
        }
        catch (Exception e) when (e is XmlException or FormatException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
        return formatter.Feed.Items.Select(ToDraft).ToList();
    }

    static FeedItemDraft ToDraft(SyndicationItem item)
    {
        var published = Known(item.PublishDate) ?? DcDate(item) ?? Known(item.LastUpdatedTime);
        var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri?.ToString();
        var summary = item.Summary?.Text ?? (item.Content as TextSyndicationContent)?.Text;
        return new FeedItemDraft(item.Id, item.Title?.Text, summary, link, published, RawDate: null);
    }

    static DateTimeOffset? Known(DateTimeOffset value) =>
        value == default || value == DateTimeOffset.MinValue ? null : value;

    static DateTimeOffset? DcDate(SyndicationItem item)
    {
        foreach (var extension in item.ElementExtensions)
            if (extension.OuterName == "date" && extension.OuterNamespace == DublinCore)
                return FeedDateParser.Parse(extension.GetObject<XElement>().Value);
        return null;
    }
}
