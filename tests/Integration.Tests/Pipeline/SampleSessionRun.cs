namespace Tradewire.Integration.Tests.Pipeline;

/// <summary>
/// One undisturbed replay of the repository's sample session (as 2026-11-20, a fixed date) through the seven
/// real service processes on fresh databases; the tests of the class read what it left. Services are stopped
/// afterwards (the other tests of the collection need the ports); the databases stay for the assertions.
/// A collection fixture, so the crash drill can compare its ledger with this undisturbed one. The services export
/// their traces to an in-process OTLP receiver (<see cref="Traces"/>), so the trace test reads this same replay.
/// </summary>
public sealed class SampleSessionRun : IAsyncLifetime
{
    public static readonly DateOnly Date = new(2026, 11, 20);
    public static TradingSession Session { get; } = new NyseCalendar().GetSession(Date)!;
    public static string SamplePath => Path.Combine(LocalInfra.Paths.Root, "data", "sample-session");

    public PipelineRun Run { get; private set; } = null!;
    public bool Finished { get; private set; }
    public TimeSpan Elapsed { get; private set; }
    public string Digest { get; private set; } = "";
    public IReadOnlyList<LedgerDigest.Part> DigestParts { get; private set; } = [];

    /// <summary>Every span the seven services exported over OTLP during the replay (and any later restart).</summary>
    public OtlpReceiver Traces { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Traces = await OtlpReceiver.Start();
        Run = await PipelineRun.Start(ServiceCatalog.All.ToDictionary(s => s.Name, _ => Traces.Settings));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var response = await PipelineRun.Replay(SamplePath, Date);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Finished = await Run.WaitForSession(Session, TimeSpan.FromMinutes(10));
        Elapsed = watch.Elapsed;
        (Digest, DigestParts) = await LedgerDigest.Compute(Run.Progress.For);
        ExitCodes = await Run.StopAll();
    }

    public IReadOnlyList<(ServiceInfo Service, int ExitCode)> ExitCodes { get; private set; } = [];

    public async Task DisposeAsync()
    {
        await Run.DisposeAsync();
        await Traces.DisposeAsync();
    }
}
