using Tradewire.Contracts.Signals;
using Tradewire.Dispatcher.Domain;

namespace Tradewire.Dispatcher.Tests;

/// <summary>A passing recommendation at market time <see cref="T"/>; tests change one thing at a time.</summary>
static class Candidates
{
    public static readonly DateTimeOffset T = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    public static DispatchCandidate Passing() => new(1, Recommendation());

    /// <summary>The passing recommendation with one thing changed.</summary>
    public static DispatchCandidate Passing(Func<Recommendation, Recommendation> change) => new(1, change(Recommendation()));

    static Recommendation Recommendation() => new()
    {
        SignalKey = "AAPL|2026-11-23T14:59|momentum",
        Ts = T.AddMinutes(-1),
        Ticker = "AAPL",
        Action = TradeAction.BuyCall,
        InstrumentType = InstrumentType.Call,
        Confidence = 0.80m,
        ReasonsJson = """{"rule":"momentum"}""",
        Close = 100m,
        BarTs = T.AddSeconds(-60),
        FeatureTs = T.AddSeconds(-120),
        RecentVol = 0.01m,
    };

    public static MarketSnapshot SnapshotOf(DispatchCandidate c) => MarketSnapshot.For(c, null);
}
