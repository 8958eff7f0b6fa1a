using Tradewire.Integration.Tests.Services;

namespace Tradewire.Integration.Tests.Pipeline;

/// <summary>
/// The short fault drill: the same session replayed while services are SIGKILLed and restarted in the middle
/// of it must leave exactly the ledger the undisturbed replay left (no lost and no duplicated execution,
/// order or fill), with every outbox drained and reconcile_db.sql clean.
/// </summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed class When_services_are_killed_mid_replay(SampleSessionRun undisturbed)
{
    [Fact]
    public async Task Should_leave_the_same_ledger_as_an_undisturbed_replay()
    {
        Assert.True(undisturbed.Finished, "the undisturbed replay did not finish");
        await using var run = await PipelineRun.Start();
        using (var response = await PipelineRun.Replay(SampleSessionRun.SamplePath, SampleSessionRun.Date))
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        // Each victim is killed once its own progress passes a point of the session, then restarted.
        foreach (var (victim, atMinute) in new[] { ("ingest", 60), ("features", 120), ("signal", 180), ("dispatcher", 240), ("broker-gateway", 300), ("classifier", 330) })
        {
            await Eventually.Until(async () => (await run.Progress.Minutes(SampleSessionRun.Date)).Single(m => m.Service == victim).Minutes,
                minutes => minutes >= atMinute, TimeSpan.FromMinutes(5), $"{victim} to reach minute {atMinute}");
            run.Kill(victim);
            run.StartService(victim);
            await run.WaitUntilReady();
        }

        Assert.True(await run.WaitForSession(SampleSessionRun.Session, TimeSpan.FromMinutes(10)), "the disturbed replay did not finish");
        var (digest, parts) = await LedgerDigest.Compute(run.Progress.For);
        var expected = string.Join(", ", undisturbed.DigestParts.Select(p => $"{p.Name} {p.Rows}"));
        var actual = string.Join(", ", parts.Select(p => $"{p.Name} {p.Rows}"));
        var differences = undisturbed.DigestParts.Zip(parts, (u, d) => u.FirstDifference(d)).OfType<string>();
        Assert.True(undisturbed.Digest == digest,
            $"ledger differs: undisturbed [{expected}] vs disturbed [{actual}]; first differences (undisturbed vs disturbed): {string.Join("; ", differences)}");
        Assert.All(await Reconcile.Run(LocalInfra.Paths, run.Progress.For("broker-gateway")), r => Assert.True(r.Rows == 0, $"{r.Name}: {r.Rows} rows"));
        Assert.Equal(0, await run.Progress.PendingOutbox());
    }
}
