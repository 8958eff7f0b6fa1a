namespace Tradewire.ServiceDefaults.MarketTime;

/// <summary>
/// A calendar was asked about a date it has no data for. Calendars are table-driven and never guess holidays
/// by rule, so this is an operational error: extend the table (see <c>NyseHolidays</c>) rather than catch it.
/// </summary>
public sealed class MarketCalendarException : Exception
{
    /// <summary>Creates the exception for <paramref name="date"/>, naming the range the calendar does cover.</summary>
    public MarketCalendarException(DateOnly date, int firstCoveredYear, int lastCoveredYear)
        : base($"No calendar data for {date.Year} (asked about {date:yyyy-MM-dd}); the market calendar covers {firstCoveredYear}-{lastCoveredYear} only.")
    {
        Date = date;
    }

    /// <summary>The date that fell outside the covered range.</summary>
    public DateOnly Date { get; }
}
