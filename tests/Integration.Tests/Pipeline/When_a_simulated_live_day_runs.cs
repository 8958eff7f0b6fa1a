using Xunit;
using Tradewire.Cli;
using Tradewire.FakeVenue.MarketData;
using Tradewire.Integration.Tests.Services;
using Tradewire.Integration.Tests.Support;

namespace Tradewire.Integration.Tests.Pipeline;

/// <summary>
/// The sample session played live: the local Alpaca data server publishes its bars on a market clock running at
/// 60 x, anchored 90 minutes before the close, so the first ~5 hours are backfilled at start and the rest is paced;
/// ingest (MarketData:Feed=simulated) runs the session from the stream through the seven real services while the
/// stream is refused once and dropped twice, an updated bar comes for a published minute, and ingest is killed
/// (SIGKILL) and restarted mid-session. It must end with exactly the replay's bars and the replay's ledger: the
/// updated bar recorded beside them, never re-deciding its minute, and the restarted ingest resuming where the dead
/// one stopped.
/// </summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed class When_a_simulated_live_day_runs(SampleSessionRun replay)
{
    const string Key = "live-test-key", Secret = "live-test-secret";
    const decimal Speed = 60m;
    static readonly DateTimeOffset Close = SampleSessionRun.Session.CloseUtc;

    const string Bars = "SELECT ticker, minute, open, high, low, close, volume FROM lane_telemetry ORDER BY ticker, minute";

    [Fact]
    public async Task Should_publish_exactly_the_sessions_bars_and_leave_the_replays_ledger_through_disconnects_a_refused_auth_an_updated_bar_and_a_restart()
    {
        Assert.True(replay.Finished, "the replay to compare with did not finish");
        await using var run = await PipelineRun.Start("ingest");
        var origin = Close.AddMinutes(-90);
        var startedAt = DateTimeOffset.UtcNow;
        await using var server = await MarketDataServer.Start(new MarketDataOptions
        {
            KeyId = Key, SecretKey = Secret, SessionDirectory = SampleSessionRun.SamplePath, Date = SampleSessionRun.Date,
            Speed = Speed, Origin = origin, StartedAt = startedAt,
            Faults =
            [
                new DataFault(DataFaultKind.RefuseAuth, Times: 1),
                new DataFault(DataFaultKind.DropAt, Minute: Close.AddMinutes(-40)),
                new DataFault(DataFaultKind.DropAt, Minute: Close.AddMinutes(-20)),
                new DataFault(DataFaultKind.UpdateBar, Symbol: "AAPL", Minute: UpdatedMinute, Seconds: 30),
            ],
        });
        run.StartService("ingest", LiveIngest.Settings(server, origin, startedAt, Speed));
        await run.WaitUntilReady();

        // A crash in the paced part of the day: the restarted ingest (same settings) resumes at the first minute the
        // dead one did not publish and backfills what it missed.
        await Eventually.Until(() => LastPublished(run), m => m >= Close.AddMinutes(-80), TimeSpan.FromMinutes(4),
            "ingest to publish the minute 80 minutes before the close");
        run.Kill("ingest");
        run.StartService("ingest");
        await run.WaitUntilReady();

        Assert.True(await run.WaitForSession(SampleSessionRun.Session, TimeSpan.FromMinutes(6)), "the live session did not finish in every service");

        var live = run.Progress.For("ingest");
        var expected = Text(await replay.Run.Progress.For("ingest").Rows(Bars));
        var actual = Text(await live.Rows(Bars));
        Assert.True(expected.SequenceEqual(actual),
            $"{expected.Count} replayed bars vs {actual.Count} live; missing {string.Join("; ", expected.Except(actual).Take(5))}; extra {string.Join("; ", actual.Except(expected).Take(5))}");
        Assert.Equal(("simulated", "DONE"), (await live.Rows("SELECT source, status FROM ingest_sessions")).Select(r => ((string)r[0]!, (string)r[1]!)).Single());

        var updated = await live.Rows("SELECT kind, ticker, minute FROM late_bars");
        Assert.Equal(("UPDATED", "AAPL", UpdatedMinute), updated.Select(r => ((string)r[0]!, (string)r[1]!, new DateTimeOffset((DateTime)r[2]!, TimeSpan.Zero))).Single());
        Assert.Equal((1, 0), (await live.Rows("SELECT updated_bars, late_bars FROM ingest_sessions")).Select(r => ((int)r[0]!, (int)r[1]!)).Single());

        var journal = server.Journal.Select(j => j.Kind).ToList();
        Assert.True(journal.Count(k => k == "dropped") >= 2, "the stream was not dropped twice: " + string.Join(",", journal.Distinct()));
        Assert.Contains("refused", journal);

        var (digest, parts) = await LedgerDigest.Compute(run.Progress.For);
        var differences = replay.DigestParts.Zip(parts, (r, l) => r.FirstDifference(l)).OfType<string>();
        Assert.True(replay.Digest == digest, $"ledger differs from the replay's: {string.Join("; ", differences)}");
        Assert.Equal(0, await run.Progress.PendingOutbox());
    }

    static readonly DateTimeOffset UpdatedMinute = Close.AddMinutes(-15);

    static async Task<DateTimeOffset> LastPublished(PipelineRun run) =>
        (await run.Progress.For("ingest").Rows("SELECT max(minute) FROM minute_progress")).Single()[0] is DateTime m
            ? new DateTimeOffset(m, TimeSpan.Zero)
            : DateTimeOffset.MinValue;

    static List<string> Text(List<object?[]> rows) =>
        rows.Select(r => string.Join('|', r.Select(v => v is DateTime d ? d.ToString("O") : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))).ToList();
}
