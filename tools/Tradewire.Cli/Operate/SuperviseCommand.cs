using System.Runtime.InteropServices;

namespace Tradewire.Cli.Operate;

/// <summary>
/// <c>./tradewire supervise</c> (hidden; <c>up</c> starts it detached): runs the supervisor on the settings
/// <c>up</c> saved until SIGTERM or SIGINT.
/// </summary>
public static class SuperviseCommand
{
    public static async Task<int> Run(RepoPaths paths)
    {
        var files = RunFiles.For(paths);
        var settings = RunSettings.Load(files) ?? throw new InvalidOperationException($"no {files.Settings}: start with ./tradewire up");
        var infra = InfraEnvironment.Load(paths);
        var units = SupervisedUnit.Plan(paths, settings, infra, OperatorToken.LoadOrCreate(paths), Environment.GetEnvironmentVariable);
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // the supervisor stops its services itself, in order, before exiting
            stop.Cancel();
        }
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        return await new Supervisor(paths, files, units, infra, BackoffPolicy.Default).Run(settings.Feed, stop.Token);
    }
}
