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
    const string ContentModule = "http://purl.org/rss/1.0/modules/content/";

    /// <param name="xml">The decoded, sanitised document text.</param>
    /// <param name="settings">Reader settings of the caller (DTDs ignored, no resolver).</param>
    /// <param name="refusal">Why the library refused, for the logs; null on success.</param>
    public static IReadOnlyList<FeedItemDraft>? TryRead(string xml, XmlReaderSettings settings, out string? refusal)
    {
        refusal = null;
        var readerSettings = settings.Clone();
        readerSettings.IgnoreWhitespace = true;
        using var reader = XmlReader.Create(new StringReader(xml), readerSettings);
        reader.MoveToContent();
        SyndicationFeedFormatter formatter = reader.LocalName == "feed" ? new Atom10FeedFormatter() : new Rss20FeedFormatter();
        // Unreadable dates become MinValue instead of an exception; the builder treats them as missing.
        formatter.DateTimeParser = (XmlDateTimeData data, out DateTimeOffset value) =>
        {
            value = FeedDateParser.Parse(data.DateTimeString) ?? DateTimeOffset.MinValue;
            return true;
        };
        if (!formatter.CanRead(reader))
        {
            refusal = $"no formatter for <{reader.Name}> in '{reader.NamespaceURI}'";
            return null;
        }
        try
        {
            formatter.ReadFrom(reader);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The library throws a variety of types (XmlException, NotSupportedException for RSS 0.91, ...);
            // any refusal just means "use the fallback reader".
            refusal = e.Message;
            return null;
        }
        return formatter.Feed.Items.Select(ToDraft).ToList();
    }

    static FeedItemDraft ToDraft(SyndicationItem item)
    {
        var published = Known(item.PublishDate) ?? DcDate(item) ?? Known(item.LastUpdatedTime);
        var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri?.ToString();
        var summary = NonEmpty(item.Summary?.Text) ?? NonEmpty((item.Content as TextSyndicationContent)?.Text) ?? Extension(item, "encoded", ContentModule);
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

    static string? Extension(SyndicationItem item, string name, string ns) =>
        item.ElementExtensions.FirstOrDefault(e => e.OuterName == name && e.OuterNamespace == ns)?.GetObject<XElement>().Value;

    static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
