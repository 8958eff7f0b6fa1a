using Tradewire.FakeVenue.MarketData;
using Tradewire.Integration.Tests.Services;

namespace Tradewire.Integration.Tests.Pipeline;

/// <summary>
/// The sample session played live: the local Alpaca data server publishes its bars on a market clock running at
/// 60 x, anchored 150 minutes before the close, so the first four hours are backfilled at start and the rest is paced;
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
        var origin = Close.AddMinutes(-150);
        var startedAt = DateTimeOffset.UtcNow;
        await using var server = await MarketDataServer.Start(new MarketDataOptions
        {
            KeyId = Key, SecretKey = Secret, SessionDirectory = SampleSessionRun.SamplePath, Date = SampleSessionRun.Date,
            Speed = Speed, Origin = origin, StartedAt = startedAt,
            Faults = [new DataFault(DataFaultKind.RefuseAuth, Times: 1)],
        });
        run.StartService("ingest", LiveIngest.Settings(server, origin, startedAt, Speed));
        await run.WaitUntilReady();

        // The faults of the paced part of the day, one after the other. Each is armed once a connection is subscribed,
        // two minutes ahead on the server's market clock, so that a slow machine (a slow reconnect while six services
        // digest the backfilled morning) cannot make a drop meet no connection or an updated bar meet a closed socket.
        for (var drop = 1; drop <= 2; drop++)
        {
            var seen = await WhenSubscribed(server, $"drop {drop}");
            var at = LiveIngest.Minute(server.MarketNow).AddMinutes(2);
            server.AddFault(new DataFault(DataFaultKind.DropAt, Minute: at));
            await Eventually.Until(() => Task.FromResult(server.Journal.Skip(seen).Any(j => j.Kind == "dropped")), d => d,
                TimeSpan.FromMinutes(2), $"drop {drop} at {at:O}");
        }
        var updatedSeen = await WhenSubscribed(server, "the updated bar");
        var updatedMinute = LiveIngest.Minute(server.MarketNow).AddMinutes(2);
        server.AddFault(new DataFault(DataFaultKind.UpdateBar, Symbol: "AAPL", Minute: updatedMinute, Seconds: 30));
        await Eventually.Until(() => Task.FromResult(server.Journal.Skip(updatedSeen).Any(j => j is { Kind: "sent", Detail: "u" })), u => u,
            TimeSpan.FromMinutes(2), $"the updated bar of AAPL at {updatedMinute:O} sent on the stream");

        // A crash once the updated minute is closed (killed before, the restarted ingest would rightly take the updated
        // bar from the REST backfill, which serves a bar's latest version): the restarted ingest (same settings) resumes at the first minute the dead one did not publish and
        // backfills what it missed, even if it comes back after the close.
        await Eventually.Until(() => LiveIngest.LastPublished(run), m => m >= updatedMinute, TimeSpan.FromMinutes(2), $"ingest to close the minute {updatedMinute:O}");
        run.Kill("ingest");
        run.StartService("ingest");
        await run.WaitUntilReady();

        Assert.True(await run.WaitForSession(SampleSessionRun.Session, TimeSpan.FromMinutes(6)), "the live session did not finish in every service");

        var live = run.Progress.For("ingest");
        var expected = LiveIngest.Text(await replay.Run.Progress.For("ingest").Rows(Bars));
        var actual = LiveIngest.Text(await live.Rows(Bars));
        Assert.True(expected.SequenceEqual(actual),
            $"{expected.Count} replayed bars vs {actual.Count} live; missing {string.Join("; ", expected.Except(actual).Take(5))}; extra {string.Join("; ", actual.Except(expected).Take(5))}");
        Assert.Equal(("simulated", "DONE"), (await live.Rows("SELECT source, status FROM ingest_sessions")).Select(r => ((string)r[0]!, (string)r[1]!)).Single());

        var updated = await live.Rows("SELECT kind, ticker, minute FROM late_bars");
        Assert.Equal(("UPDATED", "AAPL", updatedMinute), updated.Select(r => ((string)r[0]!, (string)r[1]!, new DateTimeOffset((DateTime)r[2]!, TimeSpan.Zero))).Single());
        Assert.Equal((1, 0), (await live.Rows("SELECT updated_bars, late_bars FROM ingest_sessions")).Select(r => ((int)r[0]!, (int)r[1]!)).Single());

        var journal = server.Journal.Select(j => j.Kind).ToList();
        Assert.True(journal.Count(k => k == "dropped") >= 2, "the stream was not dropped twice: " + string.Join(",", journal.Where(k => k is not ("published" or "sent" or "rest"))));
        Assert.Contains("refused", journal);

        var (digest, parts) = await LedgerDigest.Compute(run.Progress.For);
        var differences = replay.DigestParts.Zip(parts, (r, l) => r.FirstDifference(l)).OfType<string>();
        Assert.True(replay.Digest == digest, $"ledger differs from the replay's: {string.Join("; ", differences)}");
        Assert.Equal(0, await run.Progress.PendingOutbox());
    }

    /// <summary>Waits until a client is subscribed and returns the journal's length then; fails if the session is over.</summary>
    static async Task<int> WhenSubscribed(MarketDataServer server, string before)
    {
        await Eventually.Until(() => Task.FromResult(Subscribed(server)), s => s, TimeSpan.FromMinutes(2), $"a subscribed stream connection before {before}");
        Assert.True(server.MarketNow < Close.AddMinutes(-5), $"the session ran too far ({server.MarketNow:O}) for {before}");
        return server.Journal.Count;
    }

    /// <summary>The last connection event is a subscription: a client is connected, authenticated and subscribed.</summary>
    static bool Subscribed(MarketDataServer server) =>
        server.Journal.LastOrDefault(j => j.Kind is "connected" or "authenticated" or "refused" or "subscribed" or "dropped" or "closed")?.Kind == "subscribed";
}
