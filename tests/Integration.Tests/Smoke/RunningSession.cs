using Tradewire.Cli.BurnIn;
using Tradewire.Cli.Smoke;
using Tradewire.Integration.Tests.Pipeline;

namespace Tradewire.Integration.Tests.Smoke;

/// <summary>
/// One replay of the sample session through the seven services, which are left RUNNING (the smoke test talks to a
/// running system; the shared sample-session fixture stops its services). Shared by the smoke, shakedown and
/// burn-in tests so that all read the same replay; each test seeds its defect into the databases and removes it
/// again. The broker-gateway's portfolio heat cap is configured to 5 % (not its default), so the burn-in check is
/// seen to use the configured cap.
/// </summary>
public sealed class RunningSession : IAsyncLifetime
{
    public const decimal HeatCap = 0.05m;

    public PipelineRun Run { get; private set; } = null!;
    public BurnInLimits Limits { get; private set; } = null!;
    public bool Finished { get; private set; }
    public string Reports { get; } = Path.Combine(Path.GetTempPath(), "tradewire-smoke-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        Run = await PipelineRun.Start(new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["broker-gateway"] = new Dictionary<string, string> { ["Risk__MaxPortfolioHeatFraction"] = HeatCap.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
        using var response = await PipelineRun.Replay(SampleSessionRun.SamplePath, SampleSessionRun.Date);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Finished = await Run.WaitForSession(SampleSessionRun.Session, TimeSpan.FromMinutes(10));
        Limits = await BurnInLimits.Fetch(Fleet.Service("broker-gateway").BaseAddress, Fleet.Service("dispatcher").BaseAddress, Fleet.OperatorToken);
    }

    /// <summary><c>burnin check</c> of the replayed date with the limits the running services reported.</summary>
    public Task<DayResult> Check(TextWriter output) => BurnInCheck.Run(Run.Progress.For, Limits, SampleSessionRun.Date, Reports, output);

    public Db Db(string service) => Run.Progress.For(service);

    public SystemTarget Target => new(s => s.BaseAddress, Fleet.OperatorToken, Run.Progress.For);

    public async Task DisposeAsync()
    {
        await Run.DisposeAsync();
        if (Directory.Exists(Reports))
            Directory.Delete(Reports, true);
    }
}

[CollectionDefinition(Name)]
public sealed class RunningSessionCollection : ICollectionFixture<RunningSession>
{
    public const string Name = "running session (smoke, shakedown, burn-in check)";
}
