using Tradewire.Ingest.News;

namespace Tradewire.Ingest.Tests.News;

/// <summary>
/// What one shared feed must give. Item counts were checked against an independent count of
/// &lt;item&gt;/&lt;entry&gt; elements (accepted + NEWS_NO_TITLE + same-guid duplicates = elements in the file).
/// </summary>
public sealed record FeedExpectation(int Items, int NoTitle, int Inferred, bool Syndication, string? Refused = null)
{
    public static FeedExpectation RefusedAs(string code) => new(0, 0, 0, false, code);

    const bool Lib = true, Fallback = false;

    public static readonly IReadOnlyDictionary<string, FeedExpectation> ByFile = new Dictionary<string, FeedExpectation>
    {
        ["codehollow_feedreader/AtomAdobe.xml"] = new(10, 0, 0, Lib),
        ["codehollow_feedreader/AtomBattleNet.xml"] = new(11, 0, 0, Lib),
        ["codehollow_feedreader/AtomSpecialCharacters.xml"] = new(1, 0, 0, Lib), // stray 0x0F dropped
        ["codehollow_feedreader/AtomTheVerge.xml"] = new(10, 0, 0, Lib),
        ["codehollow_feedreader/AtomVergeAllPosts.xml"] = new(10, 0, 0, Lib),
        ["codehollow_feedreader/AtomWiganwarriors.xml"] = new(10, 0, 0, Lib),
        ["codehollow_feedreader/AtomYoutubeInvestmentPunk.xml"] = new(15, 0, 0, Lib),
        ["codehollow_feedreader/Rss091FullSample.xml"] = new(1, 0, 1, Fallback),
        ["codehollow_feedreader/Rss091Stadtfeuerwehr.xml"] = new(15, 0, 0, Fallback),
        ["codehollow_feedreader/Rss092FullSample.xml"] = new(0, 22, 0, Fallback), // 0.92 items with description only
        ["codehollow_feedreader/Rss10FeedWebResourceSample.xml"] = new(2, 0, 2, Fallback),
        ["codehollow_feedreader/Rss10Minutos20.xml"] = new(15, 0, 0, Fallback),
        ["codehollow_feedreader/Rss10Minutos20Catalans.xml"] = new(15, 0, 0, Fallback),
        ["codehollow_feedreader/Rss10OrfAt.xml"] = new(50, 0, 0, Fallback),
        ["codehollow_feedreader/Rss20BreakingNews.xml"] = new(10, 0, 0, Lib),
        ["codehollow_feedreader/Rss20CityDog.xml"] = new(10, 0, 0, Lib),
        ["codehollow_feedreader/Rss20CodeHollowCom.xml"] = new(10, 0, 0, Lib),
        ["codehollow_feedreader/Rss20ContentWindCom.xml"] = new(1, 0, 0, Lib),
        ["codehollow_feedreader/Rss20CTVNews.xml"] = new(10, 0, 0, Fallback), // CDATA where the library wants text
        ["codehollow_feedreader/Rss20DailyMail.xml"] = new(0, 0, 0, Lib), // a channel with zero items
        ["codehollow_feedreader/Rss20DaStandardAt.xml"] = new(34, 0, 0, Lib),
        ["codehollow_feedreader/Rss20DerBrutkasten.xml"] = new(10, 0, 0, Lib),
        ["codehollow_feedreader/Rss20FazNet.xml"] = new(13, 0, 0, Lib),
        ["codehollow_feedreader/Rss20FeedWebResourceSample.xml"] = new(3, 6, 0, Lib),
        ["codehollow_feedreader/Rss20FinanzenNet.xml"] = new(15, 0, 15, Lib), // no pubDate at all
        ["codehollow_feedreader/Rss20HubSpot.xml"] = new(50, 0, 0, Lib),
        ["codehollow_feedreader/Rss20IndianExpress.xml"] = new(200, 0, 0, Lib),
        ["codehollow_feedreader/Rss20ISO88591Intranet30.xml"] = new(30, 0, 0, Lib),
        ["codehollow_feedreader/Rss20ItunesSample.xml"] = new(4, 0, 1, Lib), // "+3000" is no offset
        ["codehollow_feedreader/Rss20JapanTimes.xml"] = new(118, 0, 118, Lib), // items without dates
        ["codehollow_feedreader/Rss20JapanToday.xml"] = new(20, 0, 0, Lib),
        ["codehollow_feedreader/Rss20JungeGruender.xml"] = new(6, 0, 0, Lib),
        ["codehollow_feedreader/Rss20LeFigaro.xml"] = new(49, 0, 0, Lib), // 50 items, one guid twice
        ["codehollow_feedreader/Rss20LeFil.xml"] = new(30, 0, 0, Lib),
        ["codehollow_feedreader/Rss20LeMonde.xml"] = new(18, 0, 0, Lib),
        ["codehollow_feedreader/Rss20LeParisien.xml"] = new(30, 0, 0, Lib),
        ["codehollow_feedreader/Rss20MassaNews.xml"] = new(50, 0, 0, Lib),
        ["codehollow_feedreader/Rss20MicrosoftBotFranework.xml"] = new(10, 0, 0, Lib),
        ["codehollow_feedreader/Rss20MoscowTimes.xml"] = new(50, 0, 0, Lib),
        ["codehollow_feedreader/Rss20NuusInAfrikaans.xml"] = new(5, 0, 0, Lib),
        ["codehollow_feedreader/Rss20NYTimes.xml"] = new(33, 0, 0, Lib),
        ["codehollow_feedreader/Rss20Reuters.xml"] = new(10, 0, 0, Lib),
        ["codehollow_feedreader/Rss20RomaNews.xml"] = new(10, 0, 0, Lib),
        ["codehollow_feedreader/Rss20RomaToday.xml"] = new(25, 0, 0, Lib),
        ["codehollow_feedreader/Rss20Spiegel.xml"] = new(17, 0, 0, Lib),
        ["codehollow_feedreader/Rss20TheMirror.xml"] = new(25, 0, 0, Lib),
        ["codehollow_feedreader/Rss20ThomasMaurer.xml"] = new(10, 0, 0, Lib),
        ["codehollow_feedreader/Rss20TrendingTopics.xml"] = new(10, 0, 0, Lib),
        ["codehollow_feedreader/Rss20YandexRussia.xml"] = new(15, 0, 0, Lib),
        ["rss_parser/content-encoded.rss"] = new(7, 0, 0, Lib),
        ["rss_parser/encoding.rss"] = new(40, 0, 0, Lib),
        ["rss_parser/feedburner.atom"] = new(25, 0, 0, Lib),
        ["rss_parser/guardian.rss"] = new(55, 0, 0, Lib),
        ["rss_parser/heise.atom"] = new(15, 0, 0, Lib),
        ["rss_parser/heraldsun.rss"] = new(2, 0, 2, Fallback),
        ["rss_parser/incomplete-fields.atom"] = new(0, 1, 0, Lib),
        ["rss_parser/instant-article.rss"] = new(1, 0, 0, Lib),
        ["rss_parser/missing-fields.atom"] = new(0, 1, 0, Lib),
        ["rss_parser/narro.rss"] = new(1, 0, 0, Lib),
        ["rss_parser/pagination-links.rss"] = new(1, 0, 0, Lib),
        ["rss_parser/reddit-atom.rss"] = new(24, 0, 0, Fallback),
        ["rss_parser/rss-1.rss"] = new(69, 0, 0, Fallback),
        ["rss_parser/unrecognized.rss"] = RefusedAs(FeedReasonCodes.NotXml), // MarketWatch HTML page
    };
}
