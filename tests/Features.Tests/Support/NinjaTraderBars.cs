using System.Globalization;
using Tradewire.Contracts.Market;

namespace Tradewire.Features.Tests.Support;

/// <summary>
/// Reads NinjaTrader minute bars (<c>yyyyMMdd HHmmss;open;high;low;close;volume</c>, UTC, the time is the bar's
/// END) and keeps the regular session of one New York date: bar end in (09:30, 16:00] local time. The product's
/// calendar covers 2024-2027 only, so the zone conversion here is the BCL's, done in the test.
/// </summary>
static class NinjaTraderBars
{
    static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static List<Bar> RegularSession(string path, string symbol, DateOnly date) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line => Parse(line, symbol))
            .Where(bar =>
            {
                var endLocal = TimeZoneInfo.ConvertTime(bar.ClosedAt, NewYork);
                return DateOnly.FromDateTime(endLocal.DateTime) == date
                    && endLocal.TimeOfDay > new TimeSpan(9, 30, 0) && endLocal.TimeOfDay <= new TimeSpan(16, 0, 0);
            })
            .OrderBy(bar => bar.Minute)
            .ToList();

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
