namespace Tradewire.ServiceDefaults.MarketTime;

/// <summary>
/// The market's view of "now", read from the injected <see cref="TimeProvider"/> (system time live,
/// <see cref="ScaledTimeProvider"/> on a simulated day). Logic that acts on the market's present (the live session
/// runner: when to open, when to close) asks this clock, never the system clock; a replay needs no clock, its
/// minutes come with the data. Each member reads the time provider afresh: callers that need several answers about the same instant
/// should read <see cref="UtcNow"/> once and use <see cref="IMarketCalendar"/> / <see cref="MarketTimeZone"/>.
/// </summary>
public interface IMarketClock
{
    /// <summary>The calendar this clock answers session questions from.</summary>
    IMarketCalendar Calendar { get; }

    /// <summary>The current instant, offset zero.</summary>
    DateTimeOffset UtcNow { get; }

    /// <summary>The current instant as exchange-local wall-clock time (offset −04:00 or −05:00).</summary>
    DateTimeOffset MarketNow { get; }

    /// <summary>The exchange-local date of the current instant (whether or not it is a trading day).</summary>
    DateOnly TradingDate { get; }

    /// <summary>
    /// The session scheduled on <see cref="TradingDate"/>, whether or not it has opened or already closed;
    /// null on weekends and holidays.
    /// </summary>
    TradingSession? CurrentSession { get; }

    /// <summary>True if the current instant lies within a session's [open, close) interval.</summary>
    bool IsMarketOpen { get; }

    /// <summary>The start of the UTC minute containing <paramref name="instant"/> (floored, offset zero).</summary>
    DateTimeOffset MinuteStart(DateTimeOffset instant);
}
