using System.Xml.Linq;

namespace Tradewire.Ingest.News;

/// <summary>
/// The fallback reader for what the syndication library rejects: RSS 0.9x and 1.0 (RDF), Atom with odd
/// namespaces, items missing fields. Matches elements by local name so namespace variations do not matter.
/// Field precedence: id = guid | Atom id | rdf:about; summary = description | summary | content(:encoded);
/// date = pubDate | dc:date | Atom published | updated.
/// </summary>
public static class XmlFallbackFeedReader
{
    public static IReadOnlyList<FeedItemDraft> Read(XDocument document)
    {
        var root = document.Root!;
        var items = root.Name.LocalName switch
        {
            "feed" => root.Elements().Where(e => e.Name.LocalName == "entry"),
            "RDF" => root.Elements().Where(e => e.Name.LocalName == "item"),
            _ => root.Descendants().Where(e => e.Name.LocalName == "item"),
        };
        return items.Select(ToDraft).ToList();
    }

    static FeedItemDraft ToDraft(XElement item)
    {
        var id = Child(item, "guid") ?? Child(item, "id") ?? item.Attributes().FirstOrDefault(a => a.Name.LocalName == "about")?.Value;
        var summary = Child(item, "description") ?? Child(item, "summary") ?? Child(item, "encoded") ?? Child(item, "content");
        var date = Child(item, "pubDate") ?? Child(item, "date") ?? Child(item, "published") ?? Child(item, "updated");
        return new FeedItemDraft(id, Child(item, "title"), summary, Link(item), Published: null, RawDate: date);
    }

    static string? Child(XElement item, string localName) =>
        item.Elements().FirstOrDefault(e => e.Name.LocalName == localName) is { } e && !string.IsNullOrWhiteSpace(e.Value)
            ? e.Value
            : null;

    static string? Link(XElement item)
    {
        foreach (var link in item.Elements().Where(e => e.Name.LocalName == "link"))
        {
            // Atom: <link rel="alternate" href="..."/>; RSS: <link>url</link>.
            var href = link.Attribute("href")?.Value;
            var rel = link.Attribute("rel")?.Value;
            if (href is not null && rel is null or "alternate")
                return href;
            if (href is null && !string.IsNullOrWhiteSpace(link.Value))
                return link.Value.Trim();
        }
        return null;
    }
}
