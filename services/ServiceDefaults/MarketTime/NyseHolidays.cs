namespace Tradewire.ServiceDefaults.MarketTime;

// Derived from QuantConnect/Lean, Data/market-hours/market-hours-database.json, entry "Equity-usa-[*]"
// (Apache License 2.0, https://github.com/QuantConnect/Lean). Generated from the subset in
// shared/data/calendar/nyse_2024_2027_from_lean.csv: dates and exchange-local times only.
// Regenerate from that file rather than editing by hand; do not extend by rule (see NyseCalendar). The 2011
// entries are the exception: written by hand from the historical months' own source (see HistoricalMonths).

/// <summary>
/// NYSE full-day closures and early closes for the covered years. Weekends are not listed: they are closed by
/// definition. Every listed date is a weekday inside [<see cref="FirstCoveredYear"/>, <see cref="LastCoveredYear"/>] or one of
/// the <see cref="HistoricalMonths"/>.
/// </summary>
internal static class NyseHolidays
{
    /// <summary>First calendar year the table covers completely.</summary>
    public const int FirstCoveredYear = 2024;

    /// <summary>Last calendar year the table covers completely.</summary>
    public const int LastCoveredYear = 2027;

    /// <summary>
    /// Whole months covered before <see cref="FirstCoveredYear"/>, for replaying historical bars. Only the months of
    /// the real SPY minute bars in shared/data/bars/spy_2011_ninjatrader (pyalgotrade test data, Apache-2.0): every
    /// weekday of them was a regular 09:30-16:00 session except the Martin Luther King Jr. Day closure, which is
    /// also the one weekday those files have no regular-session bars for.
    /// </summary>
    public static readonly IReadOnlySet<(int Year, int Month)> HistoricalMonths = new HashSet<(int Year, int Month)>
    {
        (2011, 1),
        (2011, 3),
    };

    /// <summary>Weekdays on which the exchange does not open.</summary>
    public static readonly IReadOnlySet<DateOnly> Holidays = new HashSet<DateOnly>
    {
        new(2011, 1, 17),

        new(2024, 1, 1),
        new(2024, 1, 15),
        new(2024, 2, 19),
        new(2024, 3, 29),
        new(2024, 5, 27),
        new(2024, 6, 19),
        new(2024, 7, 4),
        new(2024, 9, 2),
        new(2024, 11, 28),
        new(2024, 12, 25),

        new(2025, 1, 1),
        new(2025, 1, 9),
        new(2025, 1, 20),
        new(2025, 2, 17),
        new(2025, 4, 18),
        new(2025, 5, 26),
        new(2025, 6, 19),
        new(2025, 7, 4),
        new(2025, 9, 1),
        new(2025, 11, 27),
        new(2025, 12, 25),

        new(2026, 1, 1),
        new(2026, 1, 19),
        new(2026, 2, 16),
        new(2026, 4, 3),
        new(2026, 5, 25),
        new(2026, 6, 19),
        new(2026, 7, 3),
        new(2026, 9, 7),
        new(2026, 11, 26),
        new(2026, 12, 25),

        new(2027, 1, 1),
        new(2027, 1, 18),
        new(2027, 2, 15),
        new(2027, 3, 26),
        new(2027, 5, 31),
        new(2027, 6, 18),
        new(2027, 7, 5),
        new(2027, 9, 6),
        new(2027, 11, 25),
        new(2027, 12, 24),
    };

    /// <summary>Trading days that open at the regular time but close early, with the exchange-local close.</summary>
    public static readonly IReadOnlyDictionary<DateOnly, TimeOnly> EarlyCloses = new Dictionary<DateOnly, TimeOnly>
    {
        [new(2024, 7, 3)] = new(13, 0),
        [new(2024, 11, 29)] = new(13, 0),
        [new(2024, 12, 24)] = new(13, 0),

        [new(2025, 7, 3)] = new(13, 0),
        [new(2025, 11, 28)] = new(13, 0),
        [new(2025, 12, 24)] = new(13, 0),

        [new(2026, 11, 27)] = new(13, 0),
        [new(2026, 12, 24)] = new(13, 0),

        [new(2027, 11, 26)] = new(13, 0),
    };
}
