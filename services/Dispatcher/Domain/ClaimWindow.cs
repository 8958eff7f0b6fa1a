using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Dispatcher.Domain;

/// <summary>
/// Which PENDING recommendations a run at market time T may claim: those stamped at or before T, on T's own New
/// York trading date, and at most lookback_window_minutes old. Anything older is not decided at all but expired
/// (SKIPPED with an <c>expired:</c> reason): a signal priced on yesterday's close must never trade today against
/// today's bars and count against today's limits, and one that waited longer than the lookback is no longer the
/// signal it was.
/// </summary>
public static class ClaimWindow
{
    public const string PreviousTradingDate = "expired:previous_trading_date";
    public const string LookbackWindow = "expired:lookback_window";

    /// <summary>The start of T's New York trading date (UTC).</summary>
    public static DateTimeOffset DayStart(DateTimeOffset marketTime) =>
        MarketTimeZone.DayBounds(MarketTimeZone.TradingDate(marketTime)).Start;

    /// <summary>The oldest <c>ts</c> a run at <paramref name="marketTime"/> claims (inclusive).</summary>
    public static DateTimeOffset Start(DateTimeOffset marketTime, DispatcherConfig config)
    {
        var lookback = marketTime - TimeSpan.FromMinutes(config.LookbackWindowMinutes);
        var dayStart = DayStart(marketTime);
        return lookback > dayStart ? lookback : dayStart;
    }

    /// <summary>Null when a recommendation stamped <paramref name="ts"/> is claimable at T; else why it expires.</summary>
    public static string? ExpiryReason(DateTimeOffset ts, DateTimeOffset marketTime, DispatcherConfig config) =>
        ts < DayStart(marketTime) ? PreviousTradingDate
        : ts < Start(marketTime, config) ? LookbackWindow
        : null;
}
