using System.Globalization;
using Tradewire.Contracts.Market;

namespace Tradewire.Tests.Shared;

/// <summary>
/// Reads NinjaTrader minute bars (<c>yyyyMMdd HHmmss;open;high;low;close;volume</c>, UTC, the time is the bar's
/// END) and keeps regular-session bars: bar end in (09:30, 16:00] New York time. The zone conversion is the BCL's,
/// done here in the test, so that it checks the product's calendar rather than reusing it. Linked into each test
/// project that reads the real bars.
/// </summary>
static class NinjaTraderBars
{
    static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>The regular session of one New York date, in minute order.</summary>
    public static List<Bar> RegularSession(string path, string symbol, DateOnly date) =>
        RegularSessions(path, symbol).GetValueOrDefault(date) ?? [];

    /// <summary>Every New York date of the file that has regular-session bars, each with its bars in minute order.</summary>
    public static SortedDictionary<DateOnly, List<Bar>> RegularSessions(string path, string symbol)
    {
        var days = new SortedDictionary<DateOnly, List<Bar>>();
        foreach (var bar in File.ReadLines(path).Where(line => line.Length > 0).Select(line => Parse(line, symbol)))
        {
            var endLocal = TimeZoneInfo.ConvertTime(bar.ClosedAt, NewYork);
            if (endLocal.TimeOfDay <= new TimeSpan(9, 30, 0) || endLocal.TimeOfDay > new TimeSpan(16, 0, 0))
                continue;
            var date = DateOnly.FromDateTime(endLocal.DateTime);
            if (!days.TryGetValue(date, out var bars))
                days[date] = bars = [];
            bars.Add(bar);
        }
        foreach (var bars in days.Values)
            bars.Sort((a, b) => a.Minute.CompareTo(b.Minute));
        return days;
    }

    static Bar Parse(string line, string symbol)
    {
        var f = line.Split(';');
        var end = DateTime.ParseExact(f[0], "yyyyMMdd HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        return new Bar
        {
            Symbol = symbol,
            Minute = new DateTimeOffset(end, TimeSpan.Zero).AddMinutes(-1),
            Open = decimal.Parse(f[1], CultureInfo.InvariantCulture),
            High = decimal.Parse(f[2], CultureInfo.InvariantCulture),
            Low = decimal.Parse(f[3], CultureInfo.InvariantCulture),
            Close = decimal.Parse(f[4], CultureInfo.InvariantCulture),
            Volume = long.Parse(f[5], CultureInfo.InvariantCulture),
        };
    }
}
