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
/// stream is refused once and dropped twice. It must end with exactly the replay's bars and the replay's ledger.
/// </summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed class When_a_simulated_live_day_runs(SampleSessionRun replay)
{
    const string Key = "live-test-key", Secret = "live-test-secret";
    const decimal Speed = 60m;
    static readonly DateTimeOffset Close = SampleSessionRun.Session.CloseUtc;

    const string Bars = "SELECT ticker, minute, open, high, low, close, volume FROM lane_telemetry ORDER BY ticker, minute";

    [Fact]
    public async Task Should_publish_exactly_the_sessions_bars_and_leave_the_replays_ledger_through_two_disconnects_and_a_refused_auth()
    {
        Assert.True(replay.Finished, "the replay to compare with did not finish");
        await using var run = await PipelineRun.Start("ingest");
        var origin = Close.AddMinutes(-90);
        var startedAt = DateTimeOffset.UtcNow;
        await using var server = await MarketDataServer.Start(new MarketDataOptions
        {
            KeyId = Key, SecretKey = Secret, SessionDirectory = Tradewire.Tests.Shared.ServedSession.Copy(SampleSessionRun.SamplePath), Date = SampleSessionRun.Date,
            Speed = Speed, Origin = origin, StartedAt = startedAt,
            Faults =
            [
                new DataFault(DataFaultKind.RefuseAuth, Times: 1),
                new DataFault(DataFaultKind.DropAt, Minute: Close.AddMinutes(-40)),
                new DataFault(DataFaultKind.DropAt, Minute: Close.AddMinutes(-20)),
            ],
        });
        run.StartService("ingest", LiveIngest.Settings(server, origin, startedAt, Speed));
        await run.WaitUntilReady();

        Assert.True(await run.WaitForSession(SampleSessionRun.Session, TimeSpan.FromMinutes(6)), "the live session did not finish in every service");

        var live = run.Progress.For("ingest");
        var expected = Text(await replay.Run.Progress.For("ingest").Rows(Bars));
        var actual = Text(await live.Rows(Bars));
        Assert.True(expected.SequenceEqual(actual),
            $"{expected.Count} replayed bars vs {actual.Count} live; missing {string.Join("; ", expected.Except(actual).Take(5))}; extra {string.Join("; ", actual.Except(expected).Take(5))}");
        Assert.Equal(("simulated", "DONE"), (await live.Rows("SELECT source, status FROM ingest_sessions")).Select(r => ((string)r[0]!, (string)r[1]!)).Single());

        var journal = server.Journal.Select(j => j.Kind).ToList();
        Assert.True(journal.Count(k => k == "dropped") >= 2, "the stream was not dropped twice: " + string.Join(",", journal.Distinct()));
        Assert.Contains("refused", journal);

        var (digest, parts) = await LedgerDigest.Compute(run.Progress.For);
        var differences = replay.DigestParts.Zip(parts, (r, l) => r.FirstDifference(l)).OfType<string>();
        Assert.True(replay.Digest == digest, $"ledger differs from the replay's: {string.Join("; ", differences)}");
        Assert.Equal(0, await run.Progress.PendingOutbox());
    }

    static List<string> Text(List<object?[]> rows) =>
        rows.Select(r => string.Join('|', r.Select(v => v is DateTime d ? d.ToString("O") : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))).ToList();
}
