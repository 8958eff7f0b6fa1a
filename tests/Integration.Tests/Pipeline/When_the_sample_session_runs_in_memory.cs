using Tradewire.Cli.Bench.InMemory;

namespace Tradewire.Integration.Tests.Pipeline;

/// <summary>
/// The repository's sample session through the services' own domain code in one process (no RabbitMQ, no
/// PostgreSQL): a cheap guard that a change to the signal rules still leaves the demo's session above the burn-in's
/// daily floors (at least 50 signals, at least 3 decisions), before the whole-pipeline replay confirms it.
/// </summary>
public sealed class When_the_sample_session_runs_in_memory(ITestOutputHelper output)
{
    [Fact]
    public async Task Should_give_at_least_the_burn_in_floors_of_signals_and_decisions()
    {
        var root = RepoPaths.Locate().Root;
        var result = await InMemoryPipeline.Run(Path.Combine(root, "data", "sample-session"), Path.Combine(root, "data", "universe.csv"),
            SampleSessionRun.Date);
        output.WriteLine($"recommendations {result.Recommendations}, executions {result.Executions}, fills {result.Fills}");

        Assert.True(result.Recommendations >= 50, $"{result.Recommendations} recommendations");
        Assert.InRange(result.Executions, 5, 50);
    }
}
