using Tradewire.Contracts.Signals;
using Tradewire.Contracts;

namespace Tradewire.Integration.Tests.Dispatcher;

/// <summary>
/// SignalsEvaluated messages for one trading session, one per minute from the open, as the signal engine emits
/// them. Bars close at the minute's end (= EvaluatedAt). The session is a fixed date unless the test names
/// another, so no test depends on the day it runs.
/// </summary>
sealed class SignalsFeed
{
    /// <summary>An ordinary full trading day (a Tuesday).</summary>
    public static readonly DateOnly DefaultDate = new(2026, 3, 10);

    readonly TradingSession _session;
    readonly string _run = Guid.NewGuid().ToString("N")[..8];

    public SignalsFeed(DateOnly? sessionDate = null)
    {
        var date = sessionDate ?? DefaultDate;
        _session = Calendar.GetSession(date) ?? throw new ArgumentException($"{date} is not a trading day.", nameof(sessionDate));
    }

    public static NyseCalendar Calendar { get; } = new();

    public TradingSession Session => _session;
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
            Action = Wire.Parse<TradeAction>(action),
            InstrumentType = action switch { "BUY_CALL" => InstrumentType.Call, "BUY_PUT" => InstrumentType.Put, _ => InstrumentType.Stock },
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
