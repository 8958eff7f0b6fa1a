using Tradewire.Integration.Tests.Pipeline;

namespace Tradewire.Integration.Tests.Operate;

/// <summary>
/// <c>up --feed simulated</c> as an operator without an Alpaca account runs it: the local data server plays the
/// sample session as if live on a fast market clock, the seven supervised services run it to the close on fresh
/// databases, and the day passes the burn-in plan's daily check, with no bar late and none updated.
/// </summary>
[Collection(OperatedSystemCollection.Name)]
public sealed class When_the_operator_runs_a_simulated_day : IDisposable
{
    const string Speed = "390"; // the 390-minute session in about a wall minute
    readonly OperatorCli _cli = new();

    [Fact]
    public async Task Up_with_the_simulated_feed_plays_the_session_to_its_close_and_the_day_passes_its_check()
    {
        await Environments.ResetDatabases(LocalInfra.Environment);
        await Environments.DeleteQueues(LocalInfra.Environment);
        var date = SampleSessionRun.Date.ToString("yyyy-MM-dd");

        // Opening 30 s after up: the services are about ready by then, and minutes that open earlier are backfilled.
        var (code, output) = await _cli.Run("up", "--feed", "simulated", "--speed", Speed, "--date", date, "--opens-in", "30");
        Assert.True(code == 0, output);

        var progress = new ReplayProgress(LocalInfra.Environment);
        await Eventually.Until(() => progress.Minutes(SampleSessionRun.Date), m => m.Count > 0 && m.All(s => s.Minutes >= SampleSessionRun.Session.Minutes),
            TimeSpan.FromMinutes(8), "every service to reach the simulated session's close");

        // Nothing updated, and nothing late but the recording's own repeats: the sample repeats a few bars out of
        // order (a replay refuses them), and played live such a line comes after its minute closed.
        var ingest = progress.For("ingest");
        Assert.Equal(("simulated", "DONE", 0), (await ingest.Rows("SELECT source, status, updated_bars FROM ingest_sessions"))
            .Select(r => ((string)r[0]!, (string)r[1]!, (int)r[2]!)).Single());
        var repeated = File.ReadLines(Path.Combine(SampleSessionRun.SamplePath, "bars.csv")).Skip(1)
            .Select(l => l.Split(',')).GroupBy(f => (f[0], f[1])).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var late = await ingest.Rows("SELECT kind, ticker, minute FROM late_bars");
        Assert.Equal(late.Count, (int)(await ingest.Rows("SELECT late_bars FROM ingest_sessions")).Single()[0]!);
        Assert.All(late, r => Assert.True((string)r[0]! == "LATE" &&
            repeated.Contains(((string)r[1]!, MarketTimeZone.ToMarketLocal(new DateTimeOffset((DateTime)r[2]!, TimeSpan.Zero)).ToString("HH:mm"))),
            $"{r[0]} {r[1]} {r[2]:O} is late, but the recording has that bar once"));

        (code, output) = await _cli.Run("status");
        Assert.True(code == 0, output);
        Assert.Contains("Feed: simulated", output);
        Assert.Contains($"Session {date}", output);

        (code, output) = await _cli.Run("burnin", "check", "--date", date);
        Assert.True(code == 0, output);

        (code, output) = await _cli.Run("down");
        Assert.True(code == 0, output);

        // The same date again would publish nothing: refused, with the way out.
        (code, output) = await _cli.Run("up", "--feed", "simulated", "--speed", Speed, "--date", date);
        Assert.NotEqual(0, code);
        Assert.Contains($"already holds the session of {date}", output);
        Assert.Contains("Choose another --date", output);
    }

    public void Dispose() => _cli.Dispose();
}
