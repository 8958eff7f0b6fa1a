using Xunit;
using Tradewire.Cli;
using Tradewire.Cli.Smoke;
using Tradewire.Integration.Tests.Pipeline;
using Tradewire.Integration.Tests.Support;

namespace Tradewire.Integration.Tests.Smoke;

/// <summary>
/// One replay of the sample session through the seven services, which are left RUNNING (the smoke test talks to a
/// running system; the shared sample-session fixture stops its services). Shared by the smoke and shakedown tests
/// so that both read the same replay; each test seeds its defect into the databases and removes it again.
/// </summary>
public sealed class RunningSession : IAsyncLifetime
{
    public PipelineRun Run { get; private set; } = null!;
    public bool Finished { get; private set; }
    public string Reports { get; } = Path.Combine(Path.GetTempPath(), "tradewire-smoke-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        Run = await PipelineRun.Start();
        using var response = await PipelineRun.Replay(SampleSessionRun.SamplePath, SampleSessionRun.Date);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Finished = await Run.WaitForSession(SampleSessionRun.Session, TimeSpan.FromMinutes(10));
    }

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
    public const string Name = "running session (smoke, shakedown)";
}
