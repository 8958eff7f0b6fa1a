using Xunit;
using Tradewire.Cli;
using Tradewire.Cli.BurnIn;
using Tradewire.Integration.Tests.Pipeline;
using Tradewire.Integration.Tests.Support;

namespace Tradewire.Integration.Tests.BurnIn;

/// <summary>
/// One replay of the sample session through the seven services, with the broker-gateway's portfolio heat cap
/// configured to 5 % (not its default) so the check is seen to use the configured cap. The limits are read from
/// the running services' endpoints, then the services stop; each test seeds one defect into the databases and
/// removes it again.
/// </summary>
public sealed class BurnInDayRun : IAsyncLifetime
{
    public const decimal HeatCap = 0.05m;

    public PipelineRun Run { get; private set; } = null!;
    public BurnInLimits Limits { get; private set; } = null!;
    public bool Finished { get; private set; }
    public string Reports { get; } = Path.Combine(Path.GetTempPath(), "tradewire-burnin-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        Run = await PipelineRun.Start(new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["broker-gateway"] = new Dictionary<string, string> { ["Risk__MaxPortfolioHeatPct"] = "0.05" },
        });
        using var response = await PipelineRun.Replay(SampleSessionRun.SamplePath, SampleSessionRun.Date);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Finished = await Run.WaitForSession(SampleSessionRun.Session, TimeSpan.FromMinutes(10));
        Limits = await BurnInLimits.Fetch(Fleet.Service("broker-gateway").BaseAddress, Fleet.Service("dispatcher").BaseAddress, Fleet.OperatorToken);
        await Run.StopAll();
    }

    public Db Db(string service) => Run.Progress.For(service);

    public Task<DayResult> Check(TextWriter output) => BurnInCheck.Run(Run.Progress.For, Limits, SampleSessionRun.Date, Reports, output);

    public async Task DisposeAsync()
    {
        await Run.DisposeAsync();
        if (Directory.Exists(Reports))
            Directory.Delete(Reports, true);
    }
}
