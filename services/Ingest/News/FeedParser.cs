using System.Xml;
using System.Xml.Linq;

namespace Tradewire.Ingest.News;

/// <summary>
/// Parses one fetched feed document (RSS 0.9x, 1.0/RDF, 2.0, Atom 1.0) into news items. Pure: no I/O, no clock
/// (the fetch time is passed in). A document that is not XML, or XML that is not a feed, is refused as a whole
/// with a stable reason code; a bad item is refused alone.
/// </summary>
public static class FeedParser
{
    static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore, // RSS 0.91 carries a Netscape DOCTYPE; never fetch it
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static FeedParseResult Parse(ReadOnlySpan<byte> body, string source, DateTimeOffset fetchedAt)
    {
        var text = FeedDocumentDecoder.Decode(body).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.Length == 0)
            return FeedParseResult.Rejected(FeedReasonCodes.NotXml, "empty body");

        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return FeedParseResult.Rejected(FeedReasonCodes.NotXml, $"not well-formed XML: {e.Message}; starts with: {Head(text)}");
        }

        var root = document.Root!.Name.LocalName;
        if (root is not ("rss" or "RDF" or "feed"))
            return FeedParseResult.Rejected(FeedReasonCodes.NotAFeed, $"root element <{document.Root.Name}> is not rss, rdf:RDF or feed");

        if (root != "RDF" && SyndicationFeedReader.TryRead(document) is { } drafts)
            return FeedItemBuilder.Build(source, fetchedAt, drafts, "syndication");
        return FeedItemBuilder.Build(source, fetchedAt, XmlFallbackFeedReader.Read(document), "xml-fallback");
    }

    static string Head(string text)
    {
        var head = text.Length <= 80 ? text : text[..80];
        return head.ReplaceLineEndings(" ");
    }
}
