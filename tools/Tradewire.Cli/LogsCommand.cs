namespace Tradewire.Cli;

/// <summary>Prints (or follows) a service's log file: one JSON object per line.</summary>
public static class LogsCommand
{
    public static async Task<int> Run(RepoPaths paths, string serviceName, bool follow)
    {
        var service = ServiceCatalog.Find(serviceName)
            ?? throw new InvalidOperationException($"unknown service '{serviceName}'; one of: {string.Join(", ", ServiceCatalog.All.Select(s => s.Name))}");
        var file = paths.LogFile(service);
        if (!File.Exists(file))
            throw new InvalidOperationException($"no log yet for {service.Name} ({file}); run ./tradewire demo first");
        return await Shell.Run("tail", follow ? ["-n", "200", "-F", file] : ["-n", "+1", file]);
    }
}
