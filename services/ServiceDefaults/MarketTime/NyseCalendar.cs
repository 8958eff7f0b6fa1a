namespace Tradewire.ServiceDefaults.MarketTime;

/// <summary>
/// NYSE regular-hours calendar: 09:30-16:00 America/New_York on weekdays, 09:30-13:00 on early-close days, closed
/// on weekends and on the holidays in <see cref="NyseHolidays"/>. Table-driven only: holidays are never derived
/// by rule, and any date outside the covered years (and the few historical months listed there) throws <see cref="MarketCalendarException"/>.
/// Stateless, immutable and thread-safe; register as a singleton.
/// </summary>
public sealed class NyseCalendar : IMarketCalendar
{
    /// <summary>Regular exchange-local open.</summary>
    public static readonly TimeOnly RegularOpen = new(9, 30);

    /// <summary>Regular exchange-local close.</summary>
    public static readonly TimeOnly RegularClose = new(16, 0);

    /// <summary>First date with calendar data.</summary>
    public static DateOnly FirstCoveredDate { get; } = new(NyseHolidays.FirstCoveredYear, 1, 1);

    /// <summary>Last date with calendar data.</summary>
    public static DateOnly LastCoveredDate { get; } = new(NyseHolidays.LastCoveredYear, 12, 31);

    /// <inheritdoc />
    public bool IsTradingDay(DateOnly date)
    {
        EnsureCovered(date);
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !NyseHolidays.Holidays.Contains(date);
    }

    /// <inheritdoc />
    public TradingSession? GetSession(DateOnly date)
    {
        if (!IsTradingDay(date))
            return null;
        var isEarly = NyseHolidays.EarlyCloses.TryGetValue(date, out var earlyClose);
        return new TradingSession(
            date,
            MarketTimeZone.FromMarketLocal(date, RegularOpen),
            MarketTimeZone.FromMarketLocal(date, isEarly ? earlyClose : RegularClose),
            isEarly);
    }

    /// <inheritdoc />
    public TradingSession NextSession(DateOnly after)
    {
        // Terminates: the table never closes more than a few consecutive days, and leaving it throws.
        for (var date = after.AddDays(1); ; date = date.AddDays(1))
            if (GetSession(date) is { } session)
                return session;
    }

    /// <inheritdoc />
    public TradingSession PreviousSession(DateOnly before)
    {
        for (var date = before.AddDays(-1); ; date = date.AddDays(-1))
            if (GetSession(date) is { } session)
                return session;
    }

    /// <inheritdoc />
    public bool IsOpen(DateTimeOffset instant) =>
        GetSession(MarketTimeZone.TradingDate(instant)) is { } session && session.Contains(instant);

    static void EnsureCovered(DateOnly date)
    {
        if ((date < FirstCoveredDate || date > LastCoveredDate) && !NyseHolidays.HistoricalMonths.Contains((date.Year, date.Month)))
            throw new MarketCalendarException(date, NyseHolidays.FirstCoveredYear, NyseHolidays.LastCoveredYear);
    }
}
