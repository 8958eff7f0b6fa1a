using Tradewire.ServiceDefaults.Symbols;
using Tradewire.Cli;
using Tradewire.Ingest.Replay;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Tests.Replay;

public class When_planning_the_sample_session
{
    static readonly NyseCalendar Calendar = new();
    static readonly Universe Symbols = Universe.Load(RepoFiles.Universe);

    [Fact]
    public void Should_hold_a_full_regular_session_of_at_least_36_symbols()
    {
        var plan = ReplayPlan.Load(RepoFiles.SampleSession, null, Calendar, Symbols.Symbols);
        Assert.Equal(390, plan.Minutes.Count);
        Assert.True(Symbols.Symbols.Count >= 36);
        Assert.Equal(Symbols.Symbols.Count, plan.Minutes.SelectMany(m => m.Bars).Select(b => b.Symbol).Distinct().Count());
        Assert.Equal(new TimeOnly(9, 30), TimeOnly.FromDateTime(MarketTimeZone.ToMarketLocal(plan.Minutes[0].Minute).DateTime));
        Assert.Equal(new TimeOnly(15, 59), TimeOnly.FromDateTime(MarketTimeZone.ToMarketLocal(plan.Minutes[^1].Minute).DateTime));
        Assert.All(plan.Minutes, m => Assert.All(m.Bars, b => Assert.Equal(m.Minute, b.Minute)));
        Assert.All(plan.Minutes, m => Assert.Equal(m.Bars.Select(b => b.Symbol).OrderBy(s => s, StringComparer.Ordinal), m.Bars.Select(b => b.Symbol)));
    }

    [Fact]
    public void Should_reject_exactly_the_six_planted_bad_lines()
    {
        var plan = ReplayPlan.Load(RepoFiles.SampleSession, null, Calendar, Symbols.Symbols);
        var reasons = plan.Minutes.SelectMany(m => m.Rejections).Select(r => r.ReasonCode).OrderBy(r => r).ToList();
        Assert.Equal(new[]
        {
            BarRejection.DuplicateBar, BarRejection.HighBelowLow, BarRejection.NegativeVolume,
            BarRejection.NotANumber, BarRejection.OutOfOrderBar, BarRejection.OutsideSession,
        }.OrderBy(r => r), reasons);
        var lines = File.ReadLines(Path.Combine(RepoFiles.SampleSession, "bars.csv")).Count() - 1;
        Assert.Equal(lines - 6, plan.Minutes.Sum(m => m.Bars.Count));
    }

    [Fact]
    public void Should_deliver_pre_open_news_with_the_first_minute_and_every_item_once()
    {
        var plan = ReplayPlan.Load(RepoFiles.SampleSession, null, Calendar, Symbols.Symbols);
        var all = plan.Minutes.SelectMany(m => m.News).ToList();
        Assert.Equal(44, all.Count);
        Assert.Equal(all.Count, all.Select(n => n.NewsId).Distinct().Count());
        Assert.Contains(plan.Minutes[0].News, n => n.PublishedAt < plan.Session.OpenUtc);
        Assert.All(plan.Minutes.Skip(1), m => Assert.All(m.News, n => Assert.True(n.PublishedAt >= m.Minute && n.PublishedAt < m.Minute.AddMinutes(1))));
    }

    [Fact]
    public void Should_cut_the_session_at_an_early_close_when_redated()
    {
        var dayAfterThanksgiving = new DateOnly(2026, 11, 27);
        var plan = ReplayPlan.Load(RepoFiles.SampleSession, dayAfterThanksgiving, Calendar, Symbols.Symbols);
        Assert.Equal(210, plan.Minutes.Count);
        Assert.True(plan.Minutes.SelectMany(m => m.Rejections).Count(r => r.ReasonCode == BarRejection.OutsideSession) > 1000);
        Assert.Equal(new TimeOnly(12, 59), TimeOnly.FromDateTime(MarketTimeZone.ToMarketLocal(plan.Minutes[^1].Minute).DateTime));
    }

    [Fact]
    public void Should_refuse_a_date_without_a_session() =>
        Assert.Throws<InvalidDataException>(() => ReplayPlan.Load(RepoFiles.SampleSession, new DateOnly(2026, 11, 26), Calendar, Symbols.Symbols));

    [Fact]
    public void Should_be_exactly_what_the_seeded_generator_writes()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tw-sample-" + Guid.NewGuid().ToString("N"));
        try
        {
            new SampleSessionGenerator(SampleSessionCommand.DefaultSeed).Write(dir, SampleSessionCommand.LoadUniverse(RepoFiles.Universe), SampleSessionCommand.DefaultDate);
            foreach (var file in new[] { "manifest.json", "bars.csv", "news.csv" })
                Assert.True(File.ReadAllBytes(Path.Combine(dir, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(RepoFiles.SampleSession, file))),
                    $"{file} differs from the generator's output: regenerate with ./tradewire sample-session");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
