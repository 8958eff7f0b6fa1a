namespace Tradewire.FakeVenue;

/// <summary>
/// <c>GET /v2/clock</c> (trading-api/clock.md): whether the market is open at the venue's clock and when it next
/// opens and closes. Regular sessions only, 09:30-16:00 New York on weekdays; the venue knows no holiday calendar,
/// so a driver replaying a holiday simply feeds no bars.
/// </summary>
internal static class SessionClock
{
    static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    static readonly TimeSpan OpenTime = new(9, 30, 0), CloseTime = new(16, 0, 0);

    public static ClockBody At(DateTimeOffset now)
    {
        var (open, close) = Session(now);
        var isOpen = now >= open && now < close;
        var nextOpen = now < open ? open : Session(close.AddDays(1).Date).Open;
        return new ClockBody(Wire.Time(now), isOpen, Wire.Time(nextOpen), Wire.Time(now < close ? close : Session(nextOpen).Close));
    }

    /// <summary>The first regular session whose close is after <paramref name="after"/>.</summary>
    static (DateTimeOffset Open, DateTimeOffset Close) Session(DateTimeOffset after)
    {
        var day = TimeZoneInfo.ConvertTime(after, NewYork).Date;
        while (true)
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                var open = Local(day + OpenTime);
                var close = Local(day + CloseTime);
                if (close > after) return (open, close);
            }
            day = day.AddDays(1);
        }
    }

    static DateTimeOffset Local(DateTime wall) => new DateTimeOffset(wall, NewYork.GetUtcOffset(wall)).ToUniversalTime();
}
