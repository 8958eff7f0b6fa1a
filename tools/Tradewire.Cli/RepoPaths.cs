namespace Tradewire.Cli;

/// <summary>Where the checkout and its git-ignored local state (<c>.tradewire/</c>) are.</summary>
public sealed record RepoPaths(string Root, string StateDir)
{
    public string InfraScript => Path.Combine(Root, "scripts", "infra.sh");
    public string EnvFile => Path.Combine(StateDir, "env");
    public string LogDir => Path.Combine(StateDir, "logs");
    public string OperatorTokenFile => Path.Combine(StateDir, "operator.token");
    public string LogFile(ServiceInfo service) => Path.Combine(LogDir, service.Name + ".log");

    /// <summary>The checkout containing <paramref name="start"/> (the directory holding Microservices.sln).</summary>
    public static RepoPaths Locate(string? start = null)
    {
        var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Microservices.sln")))
            dir = dir.Parent;
        if (dir is null)
            throw new InvalidOperationException("Cannot find the Tradewire checkout (no Microservices.sln above " + (start ?? AppContext.BaseDirectory) + ")");
        var state = Environment.GetEnvironmentVariable("TRADEWIRE_STATE_DIR");
        return new RepoPaths(dir.FullName, string.IsNullOrEmpty(state) ? Path.Combine(dir.FullName, ".tradewire") : state);
    }
}
