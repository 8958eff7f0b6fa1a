using System.CommandLine;
using Tradewire.Cli.CommandLine;

namespace Tradewire.Cli;

/// <summary>Prints (or follows) a service's log file: one JSON object per line.</summary>
public static class LogsCommand
{
    public static Command Definition(RepoPaths paths)
    {
        var service = CliOptions.Service();
        var follow = new Option<bool>("--follow", "-f") { Description = "keep printing what it writes" };
        var command = new Command("logs", "the service's log from the last demo or run (one JSON object per line)") { service, follow };
        command.SetAction(r => Run(paths, r.GetValue(service)!, r.GetValue(follow)));
        return command;
    }

    public static async Task<int> Run(RepoPaths paths, ServiceInfo service, bool follow)
    {
        var file = paths.LogFile(service);
        if (!File.Exists(file))
            throw new InvalidOperationException($"no log yet for {service.Name} ({file}); run ./tradewire demo first");
        return await Shell.Run("tail", follow ? ["-n", "200", "-F", file] : ["-n", "+1", file]);
    }
}
