using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli;

/// <summary>Which trading date the demo replays the sample session as.</summary>
public static class SessionDates
{
    /// <summary>
    /// The most recent regular session that has closed at <paramref name="now"/> (operator's wall clock: this
    /// chooses a date, it is not market logic), so the runbook's "last 7 days" queries see the demo's session.
    /// </summary>
    public static TradingSession LatestCompleted(IMarketCalendar calendar, DateTimeOffset now)
    {
        var today = MarketTimeZone.TradingDate(now);
        var session = calendar.GetSession(today);
        return session is not null && now >= session.CloseUtc ? session : calendar.PreviousSession(today);
    }
}
