namespace Tradewire.Cli;

/// <summary>One deployable: its name, project, local HTTP port and database (database name = user name).</summary>
public sealed record ServiceInfo(string Name, string ProjectDir, int Port)
{
    public string Database => Name.Replace('-', '_');
    public string AssemblyName => "Tradewire." + ProjectDir;
    public string ProjectPath(string repoRoot) => Path.Combine(repoRoot, "services", ProjectDir, AssemblyName + ".csproj");
    public string DllPath(string repoRoot, string configuration = "Release") =>
        Path.Combine(repoRoot, "services", ProjectDir, "bin", configuration, "net10.0", AssemblyName + ".dll");
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
}

/// <summary>The seven services in pipeline order (the order of <c>PipelineStages.Services</c>).</summary>
public static class ServiceCatalog
{
    public static readonly IReadOnlyList<ServiceInfo> All =
    [
        new("ingest", "Ingest", 7101),
        new("classifier", "Classifier", 7102),
        new("features", "Features", 7103),
        new("watchlist", "Watchlist", 7104),
        new("signal", "Signal", 7105),
        new("dispatcher", "Dispatcher", 7106),
        new("broker-gateway", "BrokerGateway", 7107),
    ];

    /// <summary>
    /// The operator's dashboard: a deployable that only listens (no pipeline stage, no probe hop, no minute cursor),
    /// so it is not in <see cref="All"/>; <see cref="Deployables"/> is every process the demo starts.
    /// </summary>
    public static readonly ServiceInfo Dashboard = new("dashboard", "Dashboard", 7108);

    public static readonly IReadOnlyList<ServiceInfo> Deployables = [.. All, Dashboard];

    public static ServiceInfo? Find(string name) =>
        Deployables.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase) || s.Database.Equals(name, StringComparison.OrdinalIgnoreCase));
}
