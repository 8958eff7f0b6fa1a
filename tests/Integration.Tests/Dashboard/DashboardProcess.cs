namespace Tradewire.Integration.Tests.Dashboard;

/// <summary>
/// The real dashboard process on a fresh database of its own (like <c>PipelineRun</c> gives every service), fed by
/// the local RabbitMQ and pointed at the broker-gateway for the kill switch and at the dispatcher for the outcomes panel. It is given no operator token.
/// </summary>
public sealed class DashboardProcess : IAsyncDisposable
{
    readonly ServiceProcess _process;
    int? _exitCode;

    DashboardProcess(ServiceProcess process, string logFile) => (_process, LogFile) = (process, logFile);

    public static ServiceInfo Service => ServiceCatalog.Dashboard;
    public static Uri Url => Service.BaseAddress;
    public string LogFile { get; }

    /// <param name="settings">Extra environment settings, e.g. the watchdog's.</param>
    public static async Task<DashboardProcess> Start(string artifacts, IReadOnlyDictionary<string, string>? settings = null)
    {
        var infra = LocalInfra.Environment;
        var env = new Dictionary<string, string>
        {
            ["ConnectionStrings__Database"] = await LocalInfra.CreateDatabase("e2e_dashboard"),
            ["RabbitMq__Host"] = infra["TRADEWIRE_RABBIT_HOST"],
            ["RabbitMq__Port"] = infra["TRADEWIRE_RABBIT_PORT"],
            ["RabbitMq__Username"] = infra["TRADEWIRE_RABBIT_USER"],
            ["RabbitMq__Password"] = infra["TRADEWIRE_RABBIT_PASSWORD"],
            ["Dashboard__BrokerGatewayUrl"] = Fleet.Service("broker-gateway").BaseAddress.ToString(),
            ["Dashboard__DispatcherUrl"] = Fleet.Service("dispatcher").BaseAddress.ToString(),
            ["DOTNET_ENVIRONMENT"] = "Production",
            // No ASPNETCORE_URLS: the dashboard's own default (loopback, port 7108) is what this test relies on.
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            env[key] = value;
        var log = Path.Combine(artifacts, "dashboard.log");
        var process = ServiceProcess.Start(Service, Service.DllPath(LocalInfra.Paths.Root, Fleet.Configuration), log, env);
        var dashboard = new DashboardProcess(process, log);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        if (!await process.WaitUntilReady(http, TimeSpan.FromSeconds(120)))
        {
            await dashboard.DisposeAsync();
            throw new InvalidOperationException($"the dashboard did not become ready; see {log}");
        }
        return dashboard;
    }

    /// <summary>Stops the process (SIGTERM); the exit code, 0 for a clean stop. Safe to call again.</summary>
    public async Task<int> Stop()
    {
        _exitCode ??= await _process.Stop(TimeSpan.FromSeconds(10));
        return _exitCode.Value;
    }

    public async ValueTask DisposeAsync()
    {
        await Stop();
        _process.Dispose();
    }
}
