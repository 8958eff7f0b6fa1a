using System.Globalization;
using System.Text;
using System.Text.Json;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.RealMarket;

/// <summary>
/// Turns NinjaTrader minute-bar files (<c>yyyyMMdd HHmmss;open;high;low;close;volume</c>, UTC, the time marking
/// the bar's END, extended hours included) into recorded sessions (docs/replay-format.md), one directory per
/// trading day of the product calendar: only the regular session's bars (bar start in [open, close) New York),
/// times as the minute's start, no news. Days the calendar does not cover are left out. A bad line is refused with its file and line number.
/// </summary>
public static class NinjaTraderSessions
{
    /// <summary>Writes <paramref name="root"/>/yyyy-MM-dd/ for each wanted date that has bars; returns the dates and their bar counts.</summary>
    public static SortedDictionary<DateOnly, int> Write(IEnumerable<string> files, string symbol, ISet<DateOnly>? wanted, string root)
    {
        var calendar = new NyseCalendar();
        var days = new SortedDictionary<DateOnly, SortedDictionary<DateTimeOffset, string>>();
        foreach (var file in files)
        {
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (line.Length == 0)
                    continue;
                var (start, ohlcv) = Parse(line, file, number);
                var date = MarketTimeZone.TradingDate(start);
                if (wanted is not null && !wanted.Contains(date))
                    continue;
                if (SessionOf(calendar, date) is not { } session || !session.Contains(start))
                    continue;
                if (!days.TryGetValue(date, out var bars))
                    days[date] = bars = [];
                bars[start] = $"{symbol},{MarketTimeZone.ToMarketLocal(start):HH:mm},{ohlcv}";
            }
        }
        var written = new SortedDictionary<DateOnly, int>();
        foreach (var (date, bars) in days)
        {
            var dir = Path.Combine(root, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "manifest.json"), JsonSerializer.Serialize(new
            {
                format = "tradewire-session", version = 1, date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                timezone = "America/New_York", symbols = new[] { symbol },
                description = $"Real {symbol} minute bars of {date:yyyy-MM-dd}, regular session, from NinjaTrader files; no news.",
            }, new JsonSerializerOptions { WriteIndented = true }));
            var csv = new StringBuilder("symbol,time,open,high,low,close,volume\n");
            foreach (var bar in bars.Values)
                csv.Append(bar).Append('\n');
            File.WriteAllText(Path.Combine(dir, "bars.csv"), csv.ToString());
            File.WriteAllText(Path.Combine(dir, "news.csv"), "time,source,id,title,summary\n");
            written[date] = bars.Count;
        }
        return written;
    }

    /// <summary>The day's session; none on a closed day or a day the calendar does not cover (the files hold neighbouring days).</summary>
    static TradingSession? SessionOf(NyseCalendar calendar, DateOnly date)
    {
        try
        {
            return calendar.GetSession(date);
        }
        catch (MarketCalendarException)
        {
            return null;
        }
    }

    /// <summary>The bar's start (its end minus a minute) and its <c>open,high,low,close,volume</c> as written.</summary>
    static (DateTimeOffset Start, string Ohlcv) Parse(string line, string file, int number)
    {
        var f = line.Split(';');
        if (f.Length != 6
            || !DateTime.TryParseExact(f[0], "yyyyMMdd HHmmss", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var end)
            || f[1..5].Any(p => !decimal.TryParse(p, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            || !long.TryParse(f[5], NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            throw new InvalidOperationException($"{file}:{number}: not a NinjaTrader minute bar (yyyyMMdd HHmmss;open;high;low;close;volume): {line}");
        return (new DateTimeOffset(end, TimeSpan.Zero).AddMinutes(-1), string.Join(',', f[1..6]));
    }
}
