using Tradewire.Contracts.News;
using System.Text;
using Tradewire.Ingest.News;

namespace Tradewire.Ingest.Tests.News;

public sealed class When_decoding_feed_text
{
    static IReadOnlyList<NewsItem> Items(string file) =>
        FeedParser.Parse(SharedFeeds.Bytes(file), "s", SharedFeeds.FetchedAt).Items;

    [Theory]
    // ISO-8859-1 declared in the prolog (RSS 2.0 and RSS 0.91).
    [InlineData("codehollow_feedreader/Rss20ISO88591Intranet30.xml", "SVART MÅNAD - DÖDSOLYCKA i Vetlanda")]
    [InlineData("codehollow_feedreader/Rss091Stadtfeuerwehr.xml", "[10.08.2018 - 10:44 Uhr] Ölbindearbeiten")]
    [InlineData("rss_parser/encoding.rss", "Mãe de utente é a nova presidente da Raríssimas")]
    // UTF-8 with a byte-order mark.
    [InlineData("codehollow_feedreader/Rss10OrfAt.xml", "US-Band New Edition mit Stern auf „Walk of Fame“ geehrt")]
    // Double-encoded UTF-8 ("KÃ¤ltewelle" in the file).
    [InlineData("codehollow_feedreader/Rss20FazNet.xml", "Kältewelle in Europa: Flüchtlinge und Obdachlose erfrieren")]
    [InlineData("codehollow_feedreader/Rss20DerBrutkasten.xml", "Startup-Paket: Die Förderprogramme sind gestartet")]
    public void Should_give_the_correct_title(string file, string title)
    {
        Assert.Contains(Items(file), i => i.Title == title);
    }

    [Theory]
    [InlineData("codehollow_feedreader/Rss20FazNet.xml")]
    [InlineData("codehollow_feedreader/Rss20JungeGruender.xml")]
    [InlineData("codehollow_feedreader/Rss20HubSpot.xml")]
    [InlineData("codehollow_feedreader/Rss20LeMonde.xml")]
    [InlineData("codehollow_feedreader/Rss10Minutos20.xml")]
    public void Should_leave_no_double_encoding_behind(string file)
    {
        Assert.All(Items(file), i =>
        {
            Assert.DoesNotContain("Ã", i.Title + i.Summary, StringComparison.Ordinal);
            Assert.DoesNotContain("â€", i.Title + i.Summary, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Should_read_a_utf8_body_mislabelled_as_iso_8859_1()
    {
        // finanzen.net declares iso-8859-1, sends UTF-8, and escapes its quotes twice (&amp;quot;).
        var first = Items("codehollow_feedreader/Rss20FinanzenNet.xml")[0];

        Assert.Equal("NVIDIA Buy", first.Title);
        Assert.StartsWith("Der Analyst UBS AG hat das Kursziel für NVIDIA Corp. von 95 auf 120 USD angehoben, aber die Einstufung auf \"Buy\" belassen.", first.Summary);
    }

    [Fact]
    public void Should_strip_html_decode_entities_and_unwrap_cdata()
    {
        var xml = Encoding.UTF8.GetBytes("""
            <rss version="2.0"><channel><title>t</title><item>
              <title><![CDATA[Apple &amp; <b>Microsoft</b> rally]]></title>
              <guid>x</guid>
              <description><![CDATA[<p>Shares&nbsp;rose <a href="http://e.x">3%</a> &#8212; <script>alert(1)</script>caf&eacute;</p><style>p{}</style>]]></description>
            </item></channel></rss>
            """);

        var item = FeedParser.Parse(xml, "s", SharedFeeds.FetchedAt).Items.Single();

        Assert.Equal("Apple & Microsoft rally", item.Title);
        Assert.Equal("Shares rose 3% — café", item.Summary);
    }

    [Theory]
    [InlineData("Ärger über Öl", "Ärger über Öl")] // genuine Latin text is not touched
    [InlineData("KÃ¤lte", "Kälte")]
    [InlineData("Obamaâ€™s speech", "Obama’s speech")]
    [InlineData("plain ascii", "plain ascii")]
    public void Should_repair_only_real_double_encoding(string text, string expected)
    {
        Assert.Equal(expected, FeedText.RepairDoubleEncodedUtf8(text));
    }

    [Fact]
    public void Should_refuse_the_marketwatch_html_page_and_other_non_feeds()
    {
        var html = FeedParser.Parse(SharedFeeds.Bytes("rss_parser/unrecognized.rss"), "s", SharedFeeds.FetchedAt);
        var xhtml = FeedParser.Parse("<html><body>moved</body></html>"u8, "s", SharedFeeds.FetchedAt);
        var empty = FeedParser.Parse([], "s", SharedFeeds.FetchedAt);

        Assert.Equal(FeedReasonCodes.NotXml, html.FeedError?.ReasonCode);
        Assert.Equal(FeedReasonCodes.NotAFeed, xhtml.FeedError?.ReasonCode);
        Assert.Equal(FeedReasonCodes.NotXml, empty.FeedError?.ReasonCode);
    }
}
