using Tradewire.Contracts.Market;
using Tradewire.Contracts.News;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Replay;

/// <summary>A refused input line, kept for <c>ingest_rejections</c>.</summary>
public sealed record ReplayRejection(string Kind, int Line, string? Symbol, DateTimeOffset? Minute, string ReasonCode, string Detail, string Raw);

/// <summary>What a replay publishes for one session minute.</summary>
public sealed record ReplayMinute(DateTimeOffset Minute, IReadOnlyList<Bar> Bars, IReadOnlyList<NewsItem> News, IReadOnlyList<ReplayRejection> Rejections);

/// <summary>
/// A recorded session turned into its session minutes: validated bars grouped by minute (each minute's bars
/// ordered by symbol), news items placed in the minute they were published in (items before the open go into
/// the first minute, after the close into the last), and every refused line attached to the minute it names
/// (or the first minute when it names none). Pure: the same files and date give the same plan.
/// </summary>
public sealed class ReplayPlan
{
    ReplayPlan(TradingSession session, string source, IReadOnlyList<ReplayMinute> minutes)
    {
        Session = session;
        Source = source;
        Minutes = minutes;
    }

    public TradingSession Session { get; }
    public string Source { get; }
    public IReadOnlyList<ReplayMinute> Minutes { get; }

    /// <param name="directory">A session directory (manifest.json, bars.csv, news.csv).</param>
    /// <param name="date">Trading date to replay it as; the manifest's date when null.</param>
    public static ReplayPlan Load(string directory, DateOnly? date, IMarketCalendar calendar, IReadOnlySet<string> universe)
    {
        var manifest = SessionManifest.Load(Path.Combine(directory, "manifest.json"));
        var sessionDate = date ?? manifest.Date;
        var session = calendar.GetSession(sessionDate)
            ?? throw new InvalidDataException($"{sessionDate:yyyy-MM-dd} is not a trading day (weekend or NYSE holiday): nothing to replay");
        var source = "replay:" + Path.GetFileName(Path.GetFullPath(directory).TrimEnd('/'));

        var bars = new SortedDictionary<DateTimeOffset, List<Bar>>();
        var rejections = new List<ReplayRejection>();
        var validator = new BarValidator(session, universe);
        foreach (var row in SessionFiles.ReadBars(Path.Combine(directory, "bars.csv")))
        {
            var verdict = validator.Check(row);
            if (verdict.Bar is { } bar)
            {
                if (!bars.TryGetValue(bar.Minute, out var list))
                    bars[bar.Minute] = list = [];
                list.Add(bar);
            }
            else
                rejections.Add(new ReplayRejection("BAR", row.Line, row.Symbol.Length > 0 ? row.Symbol : null,
                    MinuteNamed(row, session), verdict.ReasonCode!, verdict.Detail!, row.Text));
        }

        var news = SessionFiles.ReadNews(Path.Combine(directory, "news.csv"))
            .Select(n => ToItem(n, session.Date, source))
            .OrderBy(n => n.PublishedAt).ThenBy(n => n.NewsId)
            .ToList();

        var minutes = new List<ReplayMinute>(session.Minutes);
        var last = session.CloseUtc.AddMinutes(-1);
        for (var m = session.OpenUtc; m < session.CloseUtc; m = m.AddMinutes(1))
        {
            var minute = m;
            var end = minute.AddMinutes(1);
            var minuteNews = news.Where(n => (minute == session.OpenUtc ? n.PublishedAt < end : n.PublishedAt >= minute && n.PublishedAt < end)
                                             || (minute == last && n.PublishedAt >= session.CloseUtc)).ToList();
            var minuteRejections = rejections.Where(r => r.Minute == minute || (minute == session.OpenUtc && (r.Minute is null || !session.Contains(r.Minute.Value)))).ToList();
            var minuteBars = bars.TryGetValue(minute, out var list) ? list.OrderBy(b => b.Symbol, StringComparer.Ordinal).ToList() : [];
            minutes.Add(new ReplayMinute(minute, minuteBars, minuteNews, minuteRejections));
        }
        return new ReplayPlan(session, source, minutes);
    }

    static DateTimeOffset? MinuteNamed(RawBarRow row, TradingSession session) =>
        TimeOnly.TryParseExact(row.Time, "HH:mm", out var t) ? MarketTimeZone.FromMarketLocal(session.Date, t) : null;

    // The external id carries the session date: the same recorded item replayed as another date is another item.
    static NewsItem ToItem(NewsRow row, DateOnly date, string source) => new()
    {
        NewsId = News.NewsIdentity.NewsId(row.Source, $"{date:yyyy-MM-dd}/{row.Id}"),
        Source = row.Source,
        ExternalId = $"{date:yyyy-MM-dd}/{row.Id}",
        Title = row.Title,
        Summary = row.Summary,
        Link = null,
        PublishedAt = MarketTimeZone.FromMarketLocal(date, row.Time),
        PublishedAtInferred = false,
    };
}
