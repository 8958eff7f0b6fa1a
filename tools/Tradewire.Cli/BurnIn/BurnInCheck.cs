using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.BurnIn;

/// <summary>
/// Runs the daily requirements for one trading date against a running system, prints PASS/FAIL per criterion
/// (observed value beside the threshold) and the GO/NO-GO verdict, and archives the result as
/// <c>burnin-check-DATE.json</c> in the reports directory.
/// </summary>
public static class BurnInCheck
{
    public static async Task<DayResult> Run(Func<string, Db> db, BurnInLimits limits, DateOnly date, string reportsDir, TextWriter output)
    {
        var session = new NyseCalendar().GetSession(date) ?? throw new InvalidOperationException($"{date:yyyy-MM-dd} is not a NYSE trading day");
        var facts = await DayFactsLoader.Load(db, session, limits);
        var result = new DayResult(date, DailyCriteria.Evaluate(facts, limits), facts.KillSwitchTested);
        output.WriteLine($"burn-in check {date:yyyy-MM-dd} (close {session.CloseUtc:HH:mm} UTC{(session.IsEarlyClose ? ", early close" : "")}):");
        foreach (var c in result.Criteria)
            output.WriteLine($"   {(c.Passed ? "PASS" : "FAIL")}  {c.Name}: {c.Observed} (expected {c.Expected})");
        output.WriteLine($"   kill switch exercised this day: {(facts.KillSwitchTested ? "yes" : "no")}");
        foreach (var line in await Outcomes.OutcomeSummary.Lines(db("dispatcher"), date))
            output.WriteLine("   " + line);
        Directory.CreateDirectory(reportsDir);
        var file = Path.Combine(reportsDir, DayResult.FileName(date));
        await File.WriteAllTextAsync(file, result.ToJson());
        output.WriteLine($"   verdict {date:yyyy-MM-dd}: {result.Verdict}   (written to {file})");
        return result;
    }

    /// <summary>The latest session in the data: the last trading date the broker-gateway or the signal service worked.</summary>
    public static async Task<DateOnly> LatestSession(Func<string, Db> db)
    {
        var broker = await db("broker-gateway").Scalar("SELECT max(session_date)::timestamp FROM minute_cursor", DateTime.MinValue);
        var signal = await db("signal").Scalar("SELECT max(session_date)::timestamp FROM signal_log", DateTime.MinValue);
        var latest = broker > signal ? broker : signal;
        return latest == DateTime.MinValue
            ? throw new InvalidOperationException("no session in the data yet: give --date yyyy-MM-dd")
            : DateOnly.FromDateTime(latest);
    }
}
