using Tradewire.Contracts.Signals;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Integration.Tests.Dispatcher;

/// <summary>
/// SignalsEvaluated messages for today's session (the documents' queries filter on CURRENT_DATE), one per
/// minute from the open, as the signal engine emits them. Bars close at the minute's end (= EvaluatedAt).
/// </summary>
sealed class SignalsFeed
{
    readonly TradingSession _session;
    readonly string _run = Guid.NewGuid().ToString("N")[..8];

    public SignalsFeed()
    {
        // Today's session when today trades (the documents' CURRENT_DATE queries then see it), else the last
        // one before it: on a weekend or holiday those queries rightly return nothing, the 7-day ones still see it.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var calendar = new NyseCalendar();
        _session = calendar.GetSession(today) ?? calendar.PreviousSession(today);
        IsToday = _session.Date == today;
    }

    /// <summary>True when the feed's session is today's (UTC date, as the test database's CURRENT_DATE).</summary>
    public bool IsToday { get; }

    public DateOnly SessionDate => _session.Date;
    public DateTimeOffset Minute(int index) => _session.OpenUtc.AddMinutes(index);

    /// <summary>A passing recommendation (confidence 0.8, fresh bar and features) in minute <paramref name="index"/>.</summary>
    public Recommendation Rec(int index, string ticker, string action = "BUY_STOCK", decimal confidence = 0.80m, string rule = "momentum",
        decimal close = 100m, decimal recentVol = 0.01m, int barAgeSeconds = 0, string? key = null)
    {
        var closeTime = Minute(index).AddMinutes(1);
        return new Recommendation
        {
            SignalKey = key ?? $"{_run}|{ticker}|{Minute(index):HHmm}|{rule}",
            Ts = Minute(index),
            Ticker = ticker,
            Action = action,
            InstrumentType = action switch { "BUY_CALL" => "CALL", "BUY_PUT" => "PUT", _ => "STOCK" },
            Confidence = confidence,
            ReasonsJson = $$$"""{"rule":"{{{rule}}}","inputs":{"vol_ratio":1.8}}""",
            Close = close,
            BarTs = closeTime.AddSeconds(-barAgeSeconds),
            FeatureTs = closeTime.AddSeconds(-barAgeSeconds),
            RecentVol = recentVol,
            Atr14 = close * recentVol,
        };
    }

    /// <summary>The minute's message; <paramref name="freshTickers"/> get a latest bar closing at EvaluatedAt.</summary>
    public SignalsEvaluated Evaluated(int index, IReadOnlyList<Recommendation> recs, params string[] freshTickers)
    {
        var evaluatedAt = Minute(index).AddMinutes(1);
        return new SignalsEvaluated
        {
            SessionDate = _session.Date,
            Minute = Minute(index),
            EvaluatedAt = evaluatedAt,
            Recommendations = recs,
            LatestBars = freshTickers.Select(t => new LatestBar
            {
                Ticker = t, Close = 100m, BarTs = evaluatedAt, FeatureTs = evaluatedAt, RecentVol = 0.01m,
            }).ToList(),
        };
    }
}
