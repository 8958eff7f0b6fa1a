namespace Tradewire.ServiceDefaults.MarketTime;

/// <summary>
/// The one place that converts between UTC instants and exchange-local (America/New_York) wall-clock time.
/// Market logic must not call <see cref="TimeZoneInfo"/> itself: it goes through this class so that DST rules are
/// applied identically everywhere.
/// </summary>
/// <remarks>
/// <para>Instants returned by this class carry <see cref="TimeSpan.Zero"/> offset when they are UTC and the zone's
/// offset in force at that instant (−05:00 standard, −04:00 daylight) when they are exchange-local.</para>
/// <para>Local times that do not exist (the skipped hour at the spring-forward transition, e.g. 02:30 on
/// 2025-03-09) are rejected with <see cref="ArgumentException"/>. Local times that occur twice (the repeated hour at
/// the fall-back transition, e.g. 01:30 on 2025-11-02) resolve to the <b>earlier</b> instant, i.e. the daylight
/// (−04:00) reading. The exchange never trades in either hour, so neither case arises for session times.</para>
/// <para>Thread safety: all members are stateless and safe to call concurrently.</para>
/// </remarks>
public static class MarketTimeZone
{
    /// <summary>IANA id of the exchange's time zone.</summary>
    public const string Id = "America/New_York";

    /// <summary>The exchange's time zone (from the system tz database).</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(Id);

    /// <summary>
    /// The exchange-local wall-clock reading of <paramref name="instant"/>, carrying the offset in force at that
    /// instant. The result denotes the same instant as the argument (any input offset is accepted).
    /// </summary>
    public static DateTimeOffset ToMarketLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>
    /// The UTC instant (offset zero) at which the exchange-local clock reads <paramref name="time"/> on
    /// <paramref name="date"/>. An ambiguous local time resolves to the earlier (daylight) instant.
    /// </summary>
    /// <exception cref="ArgumentException">The local time does not exist (skipped by the spring-forward transition).</exception>
    public static DateTimeOffset FromMarketLocal(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
            throw new ArgumentException(
                $"{date:yyyy-MM-dd} {time:HH:mm:ss.FFFFFFF} does not exist in {Id}: the clocks skip it at the daylight-saving transition.",
                nameof(time));
        // The earlier of two readings of the same wall-clock time is the one with the larger (daylight) offset.
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The exchange-local calendar date of <paramref name="instant"/> (the date a session on it belongs to).</summary>
    public static DateOnly TradingDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToMarketLocal(instant).DateTime);

    /// <summary>
    /// The UTC instants [Start, End) of the exchange-local calendar day <paramref name="date"/>: exactly the instants
    /// whose <see cref="TradingDate"/> is <paramref name="date"/>. Per-day counters and date-filtered queries use these
    /// bounds so that "a day" means the New York day, never the UTC day (local midnight is never skipped or repeated).
    /// </summary>
    public static (DateTimeOffset Start, DateTimeOffset End) DayBounds(DateOnly date) =>
        (FromMarketLocal(date, TimeOnly.MinValue), FromMarketLocal(date.AddDays(1), TimeOnly.MinValue));
}
