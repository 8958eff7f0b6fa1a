using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Tradewire.Ingest.News;

/// <summary>
/// Parses one fetched feed document (RSS 0.9x, 1.0/RDF, 2.0, Atom 1.0) into news items. Pure: no I/O, no clock
/// (the fetch time is passed in). A document that is not XML, or XML that is not a feed, is refused as a whole
/// with a stable reason code; a bad item is refused alone.
/// </summary>
public static partial class FeedParser
{
    // Characters XML 1.0 forbids even as references; real feeds carry stray ones (AtomSpecialCharacters has 0x0F).
    [GeneratedRegex(@"[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|&#x0*(?:[0-8BbCcEeFf]|1[0-9A-Fa-f]);|&#0*(?:[0-8]|1[124-9]|2[0-9]|3[01]);")]
    private static partial Regex InvalidXmlCharacter();

    static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore, // RSS 0.91 carries a Netscape DOCTYPE; never fetch it
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static FeedParseResult Parse(ReadOnlySpan<byte> body, string source, DateTimeOffset fetchedAt)
    {
        var text = InvalidXmlCharacter().Replace(FeedDocumentDecoder.Decode(body), "").TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
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

        string? refusal = "RSS 1.0 (RDF) is not supported by System.ServiceModel.Syndication";
        if (root != "RDF" && SyndicationFeedReader.TryRead(text, Settings, out refusal) is { } drafts)
            return FeedItemBuilder.Build(source, fetchedAt, drafts, "syndication");
        return FeedItemBuilder.Build(source, fetchedAt, XmlFallbackFeedReader.Read(document), $"xml-fallback ({refusal})");
    }

    static string Head(string text)
    {
        var head = text.Length <= 80 ? text : text[..80];
        return head.ReplaceLineEndings(" ");
    }
}
