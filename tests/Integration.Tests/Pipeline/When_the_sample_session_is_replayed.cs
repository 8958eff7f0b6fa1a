using System.Net;
using Tradewire.Integration.Tests.Services;

namespace Tradewire.Integration.Tests.Pipeline;

[Collection(ServiceProcessesCollection.Name)]
public sealed class When_the_sample_session_is_replayed(SampleSessionRun run, ITestOutputHelper output)
{
    Db Db(string service) => run.Run.Progress.For(service);

    [Fact]
    public void Should_finish_every_minute_in_every_service_and_stop_cleanly()
    {
        Assert.True(run.Finished, $"the pipeline did not finish the session within 10 minutes ({run.Elapsed.TotalSeconds:F0} s)");
        Assert.All(run.ExitCodes, e => Assert.Equal(0, e.ExitCode));
    }

    [Fact]
    public void Should_follow_each_minute_in_one_trace_from_ingest_through_all_seven_services_to_the_fills()
    {
        var traces = new MinuteTraces(run.Traces.Spans.ToList());
        Assert.Equal(0, run.Traces.RefusedRequests);
        var minutes = traces.Minutes.ToList();
        Assert.True(minutes.Count == SampleSessionRun.Session.Minutes, $"{minutes.Count} minute traces for {SampleSessionRun.Session.Minutes} minutes; {traces.Describe()}");

        // A minute's bars and news reach every service in their own trace (each stage acts once per minute), and the
        // fills the gateway books in that minute's step are in it too.
        var everyService = ServiceCatalog.All.Select(s => s.Name).ToHashSet();
        var complete = minutes.Where(t => everyService.IsSubsetOf(MinuteTraces.Services(t))).ToList();
        static bool IsFill(OtlpSpan s) => s.Service == "broker-gateway" && s.Name.Contains("OrderFilled", StringComparison.Ordinal);
        var fills = run.Traces.Spans.Count(IsFill);
        var fillsInCompleteTraces = complete.Sum(t => t.Count(IsFill));
        output.WriteLine($"{run.Traces.Spans.Count} spans, {minutes.Count} minute traces, {complete.Count} through all seven services, " +
            $"{fills} fill sends, {fillsInCompleteTraces} of them in such a trace");
        Assert.True(fills > 0, $"the gateway sent no OrderFilled; {traces.Describe()}");
        Assert.True(fills == fillsInCompleteTraces, $"{fills - fillsInCompleteTraces} of {fills} fills are not in a minute trace through all seven services; {traces.Describe()}");
        Assert.All(minutes, trace => Assert.Empty(MinuteTraces.Defects(trace).Take(5)));
    }

    [Fact]
    public async Task Should_store_every_valid_bar_once_and_count_every_bad_line()
    {
        var lines = File.ReadLines(Path.Combine(SampleSessionRun.SamplePath, "bars.csv")).Count() - 1;
        Assert.Equal(lines - 6, await Db("ingest").Scalar("SELECT count(*) FROM lane_telemetry", -1L));
        Assert.Equal(6, await Db("ingest").Scalar("SELECT count(*) FROM ingest_rejections WHERE kind = 'BAR'", -1L));
        Assert.Equal(6, await Db("ingest").Scalar("SELECT count(DISTINCT reason_code) FROM ingest_rejections", -1L));
        Assert.Equal(lines - 6, await Db("features").Scalar("SELECT count(*) FROM lane_features", -1L));
    }

    [Fact]
    public async Task Should_classify_every_news_item_once()
    {
        Assert.Equal(44, await Db("ingest").Scalar("SELECT count(*) FROM inbound_events_raw", -1L));
        Assert.Equal(0, await Db("ingest").Scalar("SELECT count(*) FROM inbound_events_raw WHERE published_minute IS NULL", -1L));
        Assert.Equal(44, await Db("classifier").Scalar("SELECT count(*) FROM inbound_events_classified", -1L));
        Assert.True(await Db("classifier").Scalar("SELECT count(*) FROM inbound_events_classified WHERE cardinality(tickers) > 0", -1L) >= 40,
            "nearly every sample headline names its company");
    }

    [Fact]
    public async Task Should_rerank_the_watchlist_every_five_market_minutes_once_features_are_warm()
    {
        // Features are ready after 50 bars, so the first ranking with entries comes at the first 5-minute mark after
        // that; from then on every 5 market minutes, the last on the session's last minute.
        var ranked = (await Db("watchlist").Rows("SELECT DISTINCT ts FROM watchlist_state ORDER BY ts")).Select(r => (DateTime)r[0]!).ToList();
        Assert.True(ranked.Count >= 60, $"only {ranked.Count} rankings");
        Assert.All(ranked.Zip(ranked.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(5), pair.Second - pair.First));
        Assert.Equal(SampleSessionRun.Session.CloseUtc.AddMinutes(-1).UtcDateTime, ranked[^1]);
        Assert.True(ranked[0] <= SampleSessionRun.Session.OpenUtc.AddMinutes(60).UtcDateTime, $"first ranking at {ranked[0]:HH:mm} UTC");
    }

    [Fact]
    public async Task Should_meet_the_shakedown_plans_expectations()
    {
        var checks = await new SessionReport(run.Run.Progress, SampleSessionRun.Date).Build();
        var failed = checks.Where(c => !c.Passed).Select(c => $"{c.Name}: expected {c.Expected}, observed {c.Observed}").ToList();
        Assert.True(failed.Count == 0, string.Join("; ", failed));
    }

    [Fact]
    public async Task Should_answer_every_query_of_the_operators_documents()
    {
        // Verbatim, as printed in the dispatcher and shakedown documents. The session is a fixed past date, so the
        // CURRENT_DATE and 7-day windows may rightly be empty; the unwindowed queries must see the session.
        var dispatcher = run.Run.Database("dispatcher");
        foreach (var (name, sql) in Dispatcher.SeedQueries.All)
            await Dispatcher.Sql.Rows(dispatcher, sql); // throws on a missing table, column or function
        var daily = await Dispatcher.Sql.Rows(dispatcher, Dispatcher.SeedQueries.DailyExecutionCount);
        Assert.Equal(DateOnly.FromDateTime(SampleSessionRun.Session.OpenUtc.UtcDateTime), (DateOnly)Assert.Single(daily)["date"]!);
        Assert.InRange(Convert.ToInt64(daily[0]["executions"]), 5, 50);
        Assert.NotEmpty(await Dispatcher.Sql.Rows(dispatcher, Dispatcher.SeedQueries.SeeSimulatedExecutions));
        Assert.Equal(10, (await Dispatcher.Sql.Rows(dispatcher, Dispatcher.SeedQueries.RecentDispatcherRuns)).Count);
    }

    [Fact]
    public async Task Should_leave_reconcile_db_sql_with_zero_rows()
    {
        var results = await Reconcile.Run(LocalInfra.Paths, Db("broker-gateway"));
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.True(r.Rows == 0, $"{r.Name}: {r.Rows} rows"));
    }

    [Fact]
    public async Task Should_meet_the_burn_in_daily_requirements()
    {
        var file = Path.Combine(Path.GetTempPath(), $"burnin-{Guid.NewGuid():N}.html");
        var (_, requirements) = await BurnInCommand.Write(run.Run.Progress, SampleSessionRun.Date, file, BurnInCommand.DefaultHeatCapPercent);
        File.Delete(file);
        Assert.All(requirements, r => Assert.True(r.Passed, $"{r.Name}: {r.Observed}"));
    }

    [Fact]
    public async Task Should_refuse_to_replay_the_same_session_twice_and_change_nothing()
    {
        var before = await LedgerDigest.Compute(run.Run.Progress.For);
        var bars = await Db("ingest").Scalar("SELECT count(*) FROM lane_telemetry", -1L);
        run.Run.StartService("ingest");
        try
        {
            await run.Run.WaitUntilReady();
            using var again = await PipelineRun.Replay(SampleSessionRun.SamplePath, SampleSessionRun.Date);
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }
        finally
        {
            await run.Run.StopAll();
        }
        Assert.Equal(bars, await Db("ingest").Scalar("SELECT count(*) FROM lane_telemetry", -1L));
        Assert.Equal(before.Digest, (await LedgerDigest.Compute(run.Run.Progress.For)).Digest);
    }
}
