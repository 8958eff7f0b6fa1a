namespace Tradewire.ServiceDefaults.MarketTime;

/// <summary>
/// Which exchange-local dates trade and when. Dates are exchange-local calendar dates; instants may carry any
/// offset. Implementations are immutable and thread-safe, and throw <see cref="MarketCalendarException"/> for any
/// date outside the range they have data for, rather than guessing.
/// </summary>
public interface IMarketCalendar
{
    /// <summary>True if the exchange holds a session (regular or early close) on <paramref name="date"/>.</summary>
    /// <exception cref="MarketCalendarException">The date is outside the covered range.</exception>
    bool IsTradingDay(DateOnly date);

    /// <summary>The session on <paramref name="date"/>, or null on weekends and full-day holidays.</summary>
    /// <exception cref="MarketCalendarException">The date is outside the covered range.</exception>
    TradingSession? GetSession(DateOnly date);

    /// <summary>The first session strictly after <paramref name="after"/>.</summary>
    /// <exception cref="MarketCalendarException">The search leaves the covered range.</exception>
    TradingSession NextSession(DateOnly after);

    /// <summary>The last session strictly before <paramref name="before"/>.</summary>
    /// <exception cref="MarketCalendarException">The search leaves the covered range.</exception>
    TradingSession PreviousSession(DateOnly before);

    /// <summary>True if <paramref name="instant"/> falls inside a session's [open, close) interval.</summary>
    /// <exception cref="MarketCalendarException">The instant's trading date is outside the covered range.</exception>
    bool IsOpen(DateTimeOffset instant);
}
