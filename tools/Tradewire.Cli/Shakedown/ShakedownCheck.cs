using System.Globalization;
using System.Text.Json;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.Shakedown;

/// <summary>
/// The shakedown over the <paramref name="days"/> calendar days ending on <c>last</c>: the daily checks for every
/// trading date in the window that has recommendations, the day-7 validation questions, and the week's baseline,
/// printed beside the previous week's. Archives <c>shakedown-END.json</c> (every line) and
/// <c>shakedown-baseline-END.json</c> (the baseline) in the reports directory.
/// </summary>
public static class ShakedownCheck
{
    public sealed record Result(IReadOnlyList<ShakedownLine> Lines, ShakedownBaseline Baseline)
    {
        public bool Passed => !Lines.Any(l => l.Fails);
    }

    public static async Task<Result> Run(Db dispatcher, DateOnly last, int days, string reportsDir, TextWriter output)
    {
        var first = last.AddDays(1 - days);
        var (from, _) = MarketTimeZone.DayBounds(first);
        var (_, to) = MarketTimeZone.DayBounds(last);
        var calendar = new NyseCalendar();
        var tradingDays = Enumerable.Range(0, days).Select(first.AddDays).Where(d => calendar.GetSession(d) is not null).ToList();
        var active = (await dispatcher.Rows("SELECT DISTINCT ts FROM (SELECT date_trunc('hour', ts) AS ts FROM dispatch_recommendations WHERE ts >= $1 AND ts < $2) h", from, to))
            .Select(r => MarketTimeZone.TradingDate(new DateTimeOffset((DateTime)r[0]!, TimeSpan.Zero))).ToHashSet();
        var lines = new List<ShakedownLine>();
        output.WriteLine($"shakedown {first:yyyy-MM-dd} .. {last:yyyy-MM-dd}: {tradingDays.Count} trading days, {tradingDays.Count(active.Contains)} with recommendations");
        output.WriteLine("daily checks:");
        foreach (var day in tradingDays.Where(active.Contains))
            lines.AddRange(Print(await ShakedownDay.Check(dispatcher, day), output));
        output.WriteLine("day-7 validation questions and analyses:");
        var (week, baseline) = await ShakedownWeek.Check(dispatcher, first, last, from, to);
        lines.AddRange(Print(week, output));

        Directory.CreateDirectory(reportsDir);
        var previous = ShakedownBaseline.Previous(reportsDir, last);
        output.WriteLine($"baseline {first:yyyy-MM-dd} .. {last:yyyy-MM-dd}:");
        foreach (var line in baseline.Lines(previous))
            output.WriteLine("   " + line);
        var result = new Result(lines, baseline);
        var verdict = result.Passed ? "PASS" : "FAIL";
        var file = Path.Combine(reportsDir, $"shakedown-{last:yyyy-MM-dd}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new { from = first, to = last, verdict, lines, baseline },
            new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        await File.WriteAllTextAsync(Path.Combine(reportsDir, ShakedownBaseline.FileName(last)), baseline.ToJson());
        output.WriteLine($"   shakedown: {verdict} ({lines.Count(l => l.Fails)} failed, {lines.Count(l => !l.Required && !l.Ok)} outside the plan's descriptive ranges)" +
                         $"   (written to {file} and {ShakedownBaseline.FileName(last)})");
        return result;
    }

    /// <summary>The last trading date with recommendations in the dispatcher's data.</summary>
    public static async Task<DateOnly> LatestDay(Db dispatcher)
    {
        var latest = await dispatcher.Scalar("SELECT max(ts) FROM dispatch_recommendations", DateTime.MinValue);
        return latest == DateTime.MinValue
            ? throw new InvalidOperationException("no recommendation in the dispatcher's data yet: give --date yyyy-MM-dd")
            : MarketTimeZone.TradingDate(new DateTimeOffset(latest, TimeSpan.Zero));
    }

    static IEnumerable<ShakedownLine> Print(IReadOnlyList<ShakedownLine> lines, TextWriter output)
    {
        foreach (var l in lines)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {l.Mark}  {l.Name}: {l.Observed} (expected {l.Expected})"));
        return lines;
    }
}
