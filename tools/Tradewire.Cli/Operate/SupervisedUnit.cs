namespace Tradewire.Cli.Operate;

/// <summary>
/// One process the supervisor keeps running: a service, or the local market-data server of the simulated feed.
/// <paramref name="ReadyPath"/> is what must answer 200 (null: any HTTP answer means up).
/// </summary>
public sealed record SupervisedUnit(ServiceInfo Service, string DllPath, string[] Args, IReadOnlyDictionary<string, string> Environment, string? ReadyPath)
{
    public const string MarketDataName = "market-data";
    public const string DataKeyId = "MarketData__Alpaca__KeyId", DataSecretKey = "MarketData__Alpaca__SecretKey";

    public string Name => Service.Name;

    /// <summary>
    /// Everything <paramref name="settings"/> runs, in start order (the data server before ingest). Data keys come
    /// from the supervisor's own environment (<c>up</c> put them there) and are passed to ingest and the server only.
    /// </summary>
    public static IReadOnlyList<SupervisedUnit> Plan(RepoPaths paths, RunSettings settings, InfraEnvironment infra, string operatorToken,
        Func<string, string?> environment)
    {
        var units = new List<SupervisedUnit>();
        var clock = settings.ClockVariables();
        if (settings.Feed == RunSettings.Simulated)
        {
            var server = new ServiceInfo(MarketDataName, "FakeVenue", RunSettings.MarketDataServer.Port);
            var dll = Path.Combine(paths.Root, "tools", "Tradewire.FakeVenue", "bin", "Release", "net10.0", "Tradewire.FakeVenue.dll");
            string[] args = ["--market-data", "--url", RunSettings.MarketDataServer.ToString().TrimEnd('/'), "--session", settings.SessionDir!,
                .. settings.Date is { } d ? new[] { "--date", d.ToString("yyyy-MM-dd") } : []];
            var env = new Dictionary<string, string>(clock)
            {
                ["APCA_API_KEY_ID"] = environment(DataKeyId) ?? "",
                ["APCA_API_SECRET_KEY"] = environment(DataSecretKey) ?? "",
            };
            units.Add(new SupervisedUnit(server, dll, args, env, null));
        }
        foreach (var service in ServiceCatalog.All)
        {
            var env = infra.ServiceVariables(service, operatorToken);
            foreach (var (k, v) in clock)
                env[k] = v;
            // The repository's file, read at every start: a symbol the operator adds is picked up at the next up.
            env["Universe__Path"] = Path.Combine(paths.Root, "data", "universe.csv");
            env["Broker__Mode"] = settings.TradingMode;
            env["Dispatcher__ExecutionMode"] = settings.TradingMode;
            if (service.Name == "ingest")
                AddFeed(env, settings, environment);
            else
                env[DataKeyId] = env[DataSecretKey] = ""; // the data keys are ingest's alone
            units.Add(new SupervisedUnit(service, service.DllPath(paths.Root), [], env, "/health/ready"));
        }
        return units;
    }

    static void AddFeed(Dictionary<string, string> env, RunSettings settings, Func<string, string?> environment)
    {
        env["MarketData__Feed"] = settings.Feed;
        if (settings.Feed == RunSettings.Replay)
            return;
        if (settings.Feed == RunSettings.Simulated)
        {
            env["MarketData__Alpaca__StreamUrl"] = $"ws://{RunSettings.MarketDataServer.Authority}/v2/iex";
            env["MarketData__Alpaca__RestUrl"] = RunSettings.MarketDataServer.ToString().TrimEnd('/');
            // The recording's news is published by time as a replay publishes it, so the day equals its replay.
            env["MarketData__SessionPath"] = settings.SessionDir!;
            var (watermark, maxHold) = settings.FeedTimings();
            env["MarketData__Watermark"] = watermark.ToString("c");
            env["MarketData__MaxHold"] = maxHold.ToString("c");
        }
        // Unset keys stay unset, so that ingest falls back to APCA_API_KEY_ID / APCA_API_SECRET_KEY.
        foreach (var key in new[] { DataKeyId, DataSecretKey })
            if (environment(key) is { Length: > 0 } value)
                env[key] = value;
    }

    /// <summary>The order in which <c>down</c> stops: ingest first (no new bars), then its source, then downstream.</summary>
    public static int StopRank(string name) => name switch
    {
        "ingest" => 0,
        MarketDataName => 1,
        _ => 2 + ServiceCatalog.All.ToList().FindIndex(s => s.Name == name),
    };
}
