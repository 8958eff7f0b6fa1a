using Tradewire.Cli.Operate;
using Tradewire.Integration.Tests.Pipeline;

namespace Tradewire.Integration.Tests.Operate;

[CollectionDefinition(Name)]
public sealed class OperatedSystemCollection
{
    /// <summary>The always-on system on the fixed service ports: never beside another test that starts services.</summary>
    public const string Name = "operated system";
}

/// <summary>
/// up, status, replay, a killed service restarted by the supervisor, down and down again, all through the built
/// CLI against the real services, RabbitMQ and PostgreSQL. The service databases are recreated and the queues
/// deleted first, as the demo does, so the sample session can be replayed as a fixed date.
/// </summary>
[Collection(OperatedSystemCollection.Name)]
public sealed class When_the_operator_runs_the_system : IDisposable
{
    readonly OperatorCli _cli = new();

    [Fact]
    public async Task Up_status_replay_restart_and_down_work_and_bad_input_is_refused()
    {
        await Environments.ResetDatabases(LocalInfra.Environment);
        await Environments.DeleteQueues(LocalInfra.Environment);

        var (code, output) = await _cli.Run("up");
        Assert.True(code == 0, output);
        foreach (var service in ServiceCatalog.All)
            Assert.Contains(service.BaseAddress.ToString().TrimEnd('/'), output);
        Assert.Contains(Path.Combine(_cli.StateDir, "logs"), output);

        (code, output) = await _cli.Run("up");
        Assert.True(code == 0 && output.Contains("already up"), output);

        (code, output) = await _cli.Run("status");
        Assert.True(code == 0, output);
        Assert.Equal(7, output.Split('\n').Count(l => l.Contains("http://127.0.0.1:71") && l.Contains(" yes ")));

        (code, output) = await _cli.Run("replay", Path.Combine(_cli.StateDir, "no-such-session"));
        Assert.NotEqual(0, code);
        Assert.Contains("refused by ingest (400)", output);
        Assert.Contains("no-such-session", output);

        (code, output) = await _cli.Run("replay", SampleSessionRun.SamplePath, "--date", "2026-11-21");
        Assert.NotEqual(0, code);
        Assert.Contains("not a trading day", output, StringComparison.OrdinalIgnoreCase);

        (code, output) = await _cli.Run("replay", SampleSessionRun.SamplePath, "--date", SampleSessionRun.Date.ToString("yyyy-MM-dd"));
        Assert.True(code == 0, output);
        var progress = new ReplayProgress(LocalInfra.Environment);
        await Eventually.Until(() => progress.Minutes(SampleSessionRun.Date), m => m.All(s => s.Minutes >= SampleSessionRun.Session.Minutes),
            TimeSpan.FromMinutes(4), "every service to finish the replayed session");
        (code, output) = await _cli.Run("status");
        Assert.True(code == 0, output);
        Assert.Contains("Session 2026-11-20", output);
        Assert.Contains("   broker-gateway  15:59  0 min behind dispatcher", output);

        var classifier = Pid("classifier");
        Assert.True(PosixProcess.Signal(classifier, PosixProcess.SigKill));
        (code, output) = await Eventually.Until(() => _cli.Run("status"),
            r => r.Code == 0 && r.Output.Contains("classifier exited with code 137"), TimeSpan.FromSeconds(90), "the supervisor to restart the killed classifier");
        Assert.NotEqual(classifier, Pid("classifier"));
        Assert.Contains($"classifier (pid {classifier}) exited with code 137", File.ReadAllText(RunFiles.For(_cli.Paths).SupervisorLog));

        var pids = SupervisorState.Load(RunFiles.For(_cli.Paths))!.Units.Select(u => u.Pid!.Value).Append(RunFiles.For(_cli.Paths).RunningSupervisor()!.Value).ToList();
        (code, output) = await _cli.Run("down");
        Assert.True(code == 0, output);
        Assert.All(pids, pid => Assert.Null(PosixProcess.CommandLine(pid)));
        var log = File.ReadAllLines(RunFiles.For(_cli.Paths).SupervisorLog);
        var stopped = log.Where(l => l.Contains(" stopped (exit code ")).Select(l => l.Split(' ')[2]).ToList();
        Assert.Equal(["ingest", "classifier", "features", "watchlist", "signal", "dispatcher", "broker-gateway"], stopped);

        (code, output) = await _cli.Run("down");
        Assert.True(code == 0 && output.Contains("no Tradewire service is running"), output);
        (code, output) = await _cli.Run("status");
        Assert.NotEqual(0, code);
        Assert.Contains("not up", output);
    }

    int Pid(string unit) => SupervisorState.Load(RunFiles.For(_cli.Paths))!.Units.Single(u => u.Name == unit).Pid!.Value;

    public void Dispose() => _cli.Dispose();
}
