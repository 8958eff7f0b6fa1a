namespace Tradewire.Integration.Tests.Pipeline;

/// <summary>
/// Three consecutive NYSE trading dates replayed one after the other (the sample session each time, at speed 0)
/// into ONE running system: the seven service processes stay up on the same databases from the first day to the
/// last, as in a burn-in. The broker-gateway runs with a tight trades-per-day cap and daily loss stop so that
/// both bind and their per-day reset is visible. After each day, the operator's date-filtered runbook queries
/// are run as they would be that evening (CURRENT_DATE = that day), before the next day exists.
/// </summary>
public sealed class ThreeDayRun : IAsyncLifetime
{
    public const int MaxOrdersPerDay = 6;
    public const decimal MaxDailyLossFraction = 0.0001m;

    public static readonly IReadOnlyList<TradingSession> Sessions = Consecutive(new DateOnly(2026, 11, 16), 3);

    public PipelineRun Run { get; private set; } = null!;
    public List<bool> Finished { get; } = [];
    public List<TimeSpan> Elapsed { get; } = [];
    public IReadOnlyList<(ServiceInfo Service, int ExitCode)> ExitCodes { get; private set; } = [];

    /// <summary>Per day, per runbook query: the rows it gave on the evening of that day.</summary>
    public Dictionary<DateOnly, Dictionary<string, List<Dictionary<string, object?>>>> Evening { get; } = [];

    /// <summary>The runbook queries that look at "today" (CURRENT_DATE), run on each day's evening.</summary>
    public static readonly IReadOnlyDictionary<string, string> TodayQueries = new Dictionary<string, string>
    {
        [nameof(Dispatcher.SeedQueries.CountExecutionsToday)] = Dispatcher.SeedQueries.CountExecutionsToday,
        [nameof(Dispatcher.SeedQueries.ProcessingHealthCheck)] = Dispatcher.SeedQueries.ProcessingHealthCheck,
        [nameof(Dispatcher.SeedQueries.GatePassFailStats)] = Dispatcher.SeedQueries.GatePassFailStats,
    };

    public static string On(DateOnly day, string sql) => sql.Replace("CURRENT_DATE", $"DATE '{day:yyyy-MM-dd}'", StringComparison.Ordinal);

    public async Task InitializeAsync()
    {
        Run = await PipelineRun.Start(new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["broker-gateway"] = new Dictionary<string, string>
            {
                ["Risk__MaxOrdersPerDay"] = MaxOrdersPerDay.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Risk__MaxDailyLossFraction"] = MaxDailyLossFraction.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        });
        foreach (var session in Sessions)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var response = await PipelineRun.Replay(SampleSessionRun.SamplePath, session.Date);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            var finished = await Run.WaitForSession(session, TimeSpan.FromMinutes(6));
            Finished.Add(finished);
            Elapsed.Add(watch.Elapsed);
            if (!finished)
                break;
            var evening = new Dictionary<string, List<Dictionary<string, object?>>>();
            foreach (var (name, sql) in TodayQueries)
                evening[name] = await Dispatcher.Sql.Rows(Run.Database("dispatcher"), On(session.Date, sql));
            Evening[session.Date] = evening;
        }
        ExitCodes = await Run.StopAll();
    }

    static List<TradingSession> Consecutive(DateOnly first, int count)
    {
        var calendar = new NyseCalendar();
        var sessions = new List<TradingSession> { calendar.GetSession(first)! };
        while (sessions.Count < count)
            sessions.Add(calendar.NextSession(sessions[^1].Date));
        return sessions;
    }

    public async Task DisposeAsync() => await Run.DisposeAsync();
}
