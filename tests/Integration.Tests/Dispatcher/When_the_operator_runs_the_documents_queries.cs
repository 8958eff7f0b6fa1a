using Npgsql;
using static Tradewire.Integration.Tests.Dispatcher.Sql;

namespace Tradewire.Integration.Tests.Dispatcher;

/// <summary>
/// A short session through the dispatcher (executions, each kind of skip, a duplicate signal), then every query
/// of the dispatcher and shakedown documents, verbatim, against its database, as of the session's close (their
/// CURRENT_DATE and NOW() read as that instant: <see cref="SeedQueries.AsOf"/>) and as of the next trading day's.
/// </summary>
public sealed class When_the_operator_runs_the_documents_queries
{
    [Fact]
    public async Task Should_answer_every_query_with_sane_rows()
    {
        await using var sink = await OrderSink.Start();
        await using var host = await DispatcherHost.Start(TestService.NewName("disq"), null, sink.Queue);
        var feed = new SignalsFeed();
        string[] fresh = ["AAPL", "MSFT", "NVDA", "TSLA"];
        var first = feed.Rec(0, "AAPL", "BUY_CALL");
        await host.Send(feed.Evaluated(0, [first, feed.Rec(0, "MSFT", "BUY_PUT", 0.9m), feed.Rec(0, "NVDA", confidence: 0.5m, rule: "news_spike")], fresh));
        await host.Send(feed.Evaluated(1, [feed.Rec(1, "TSLA", "SELL_PREMIUM", 0.9m, rule: "premium"), feed.Rec(1, "AMD", barAgeSeconds: 600)], fresh));
        await host.Send(feed.Evaluated(2, [feed.Rec(2, "AAPL", "BUY_CALL", 0.85m, rule: "breakout")], fresh));
        await host.Send(feed.Evaluated(3, [feed.Rec(3, "AAPL", confidence: 0.9m, rule: "gap")], fresh));
        await host.Send(feed.Evaluated(4, [first], fresh)); // the same signal again: stored once
        await host.Send(feed.Evaluated(5, [], fresh));
        await host.TicksDone(6);
        await Eventually.Until(sink.Orders, n => n == 3, what: "3 PlaceBracketOrder commands");

        var cs = host.ConnectionString;
        var closed = feed.Session.CloseUtc;
        var executions = await Ask(cs, SeedQueries.SeeSimulatedExecutions, closed);
        Assert.Equal(3, executions.Count);
        Assert.All(executions, e => Assert.Equal("PAPER", e["execution_mode"]));
        Assert.All(executions, e => Assert.True((string)e["action"]! == "BUY_PUT"
            ? Dec(e["stop_loss_price"]) > Dec(e["entry_price"]) && Dec(e["take_profit_price"]) < Dec(e["entry_price"])
            : Dec(e["stop_loss_price"]) < Dec(e["entry_price"]) && Dec(e["take_profit_price"]) > Dec(e["entry_price"])));
        Assert.All(executions, e => Assert.True(Dec(e["notional"]) <= 25000m && Dec(e["qty"]) > 0));

        await AssertTodaysQueries(cs, closed);
        await AssertTheNextDaysQueriesSeeNothingOfToday(cs, SignalsFeed.Calendar.NextSession(feed.SessionDate).CloseUtc);

        var daily = Assert.Single(await Ask(cs, SeedQueries.DailyExecutionCount, closed));
        Assert.Equal(feed.SessionDate, (DateOnly)daily["date"]!);
        Assert.Equal(3, Long(daily["executions"]));

        // dispatcher_runs.started_at is the wall clock of the run (an operational time, like the run's duration).
        var summary = await Ask(cs, SeedQueries.RecentRunsSummary, closed);
        Assert.Equal(6, summary.Count);
        Assert.All(summary, r => Assert.InRange(Dec(r["duration_seconds"]), 0m, 30m));

        var signals = Assert.Single(await Ask(cs, SeedQueries.SignalsGeneratedPerDay, closed));
        Assert.Equal(7, Long(signals["total_signals"]));
        Assert.Equal(2, Long(signals["calls"]));
        Assert.Equal(1, Long(signals["puts"]));

        var tickers = await Ask(cs, SeedQueries.TickerDistribution, closed);
        Assert.Equal(("AAPL", 2L), ((string)tickers[0]["ticker"]!, Long(tickers[0]["exec_count"])));
        Assert.InRange(Dec(tickers[0]["avg_confidence"]), 0.8m, 0.85m);

        var sizes = await Ask(cs, SeedQueries.PositionSizeDistribution, closed);
        Assert.All(sizes, r => Assert.True(Dec(r["min_qty"]) > 0 && Dec(r["max_qty"]) < 10000));

        var stops = await Ask(cs, SeedQueries.StopTpDistances, closed);
        Assert.Equal(2, stops.Count);
        Assert.All(stops, r => Assert.Equal(0.01m, Dec(r["avg_vol"])));
        var aapl = stops.Single(r => (string)r["ticker"]! == "AAPL");
        Assert.Equal(-2m * Dec(aapl["avg_stop_pct"]), Dec(aapl["avg_tp_pct"]), 4);   // 2:1 reward to risk
        Assert.Equal(-0.02m, Dec(aapl["avg_stop_pct"]), 4);                           // 2 × recent_vol

        Assert.Equal(3, await sink.DistinctOrders());
    }

    /// <summary>The queries filtered on CURRENT_DATE, on the session's own day.</summary>
    static async Task AssertTodaysQueries(string cs, DateTimeOffset now)
    {
        var today = Assert.Single(await Ask(cs, SeedQueries.CountExecutionsToday, now));
        Assert.Equal(3, Long(today["total"]));
        Assert.Equal(2, Long(today["unique_tickers"]));
        Assert.True(Dec(today["total_notional"]) > 0);

        var rules = await Ask(cs, SeedQueries.GatePassFailStats, now);
        Assert.Equal(["gap", "momentum", "news_spike", "premium"], rules.Select(r => (string)r["rule"]!).Order());
        Assert.Equal(4, rules.Sum(r => Long(r["times_fired"])));

        var runs = await Ask(cs, SeedQueries.RecentDispatcherRuns, now);
        Assert.Equal(6, runs.Count);
        Assert.All(runs, r => Assert.NotNull(r["finished_at"]));
        Assert.Equal(7, runs.Sum(r => Long(r["pulled_count"])));
        Assert.Equal(3, runs.Sum(r => Long(r["simulated_count"])));
        Assert.Equal(4, runs.Sum(r => Long(r["skipped_count"])));
        Assert.Equal(0, runs.Sum(r => Long(r["failed_count"])));

        var byAction = await Ask(cs, SeedQueries.AveragePositionSizeByAction, now);
        Assert.Equal(2, Long(byAction.Single(r => (string)r["action"]! == "BUY_CALL")["count"]));
        Assert.Equal(1, Long(byAction.Single(r => (string)r["action"]! == "BUY_PUT")["count"]));

        foreach (var query in new[] { SeedQueries.GateFailureReasons, SeedQueries.GateRejectionPatterns })
        {
            var patterns = await Ask(cs, query, now);
            Assert.Equal(4, patterns.Sum(r => Long(r["count"])));
            Assert.Contains(patterns, r => (string?)r["conf_pass"] == "false");
            Assert.Contains(patterns, r => (string?)r["action_pass"] == "false");
            Assert.Contains(patterns, r => (string?)r["bar_pass"] == "false" && (string?)r["feat_pass"] == "false");
            Assert.Contains(patterns, r => (string?)r["limit_pass"] == "false");
        }

        Assert.Equal(0, Long(Assert.Single(await Ask(cs, SeedQueries.PendingCount, now))["count"]));

        var statuses = (await Ask(cs, SeedQueries.ProcessingHealthCheck, now)).ToDictionary(r => (string)r["status"]!, r => Long(r["count"]));
        Assert.Equal(new Dictionary<string, long> { ["SKIPPED"] = 4, ["SIMULATED"] = 3 }, statuses);

        Assert.Equal(0, Long(Assert.Single(await Ask(cs, SeedQueries.StuckProcessingDetection, now))["stuck_count"]));
    }

    /// <summary>A day later the CURRENT_DATE queries see nothing of the session; the seven-day ones still see it.</summary>
    static async Task AssertTheNextDaysQueriesSeeNothingOfToday(string cs, DateTimeOffset now)
    {
        Assert.Equal(0, Long(Assert.Single(await Ask(cs, SeedQueries.CountExecutionsToday, now))["total"]));
        foreach (var query in new[] { SeedQueries.GatePassFailStats, SeedQueries.AveragePositionSizeByAction, SeedQueries.GateFailureReasons,
                     SeedQueries.ProcessingHealthCheck })
            Assert.Empty(await Ask(cs, query, now));
        Assert.Equal(3, (await Ask(cs, SeedQueries.TickerDistribution, now)).Sum(r => Long(r["exec_count"])));
    }

    /// <summary>The document's query as it runs at <paramref name="now"/>.</summary>
    static Task<List<Dictionary<string, object?>>> Ask(string cs, string query, DateTimeOffset now) => Rows(cs, SeedQueries.AsOf(query, now));

    [Fact]
    public async Task Should_keep_the_ledger_append_only_and_unique_per_recommendation()
    {
        await using var sink = await OrderSink.Start();
        await using var host = await DispatcherHost.Start(TestService.NewName("disl"), null, sink.Queue);
        var feed = new SignalsFeed();
        await host.Send(feed.Evaluated(0, [feed.Rec(0, "AAPL")], "AAPL"));
        await host.TicksDone(1);

        Assert.Equal(1, await host.Count("SELECT count(*) FROM pg_indexes WHERE indexname = 'ux_dispatch_execution_reco' AND indexdef LIKE 'CREATE UNIQUE INDEX%'"));
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE dispatch_executions SET qty = qty + 1", "DELETE FROM dispatch_executions" })
        {
            await using var cmd = new NpgsqlCommand(sql, connection);
            var error = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.MessageText);
        }
        await using (var duplicate = new NpgsqlCommand("""
            INSERT INTO dispatch_executions SELECT gen_random_uuid(), recommendation_id, ticker, action, instrument_type, side, decision_ts,
              simulated_ts, signal_ts, trading_date, entry_price, fill_model, slippage_bps, qty, notional, stop_loss_price, take_profit_price,
              max_hold_minutes, execution_mode, explain_json, risk_json, sim_json, confidence, config_sha, dispatcher_run_id
            FROM dispatch_executions
            """, connection))
            Assert.Equal(PostgresErrorCodes.UniqueViolation, (await Assert.ThrowsAsync<PostgresException>(() => duplicate.ExecuteNonQueryAsync())).SqlState);

        var sim = await LocalInfra.Scalar<string>(host.ConnectionString, "SELECT sim_json::text FROM dispatch_executions");
        Assert.Contains("\"recent_vol\"", sim);
        Assert.Contains("\"sizing_rationale\"", sim);
        Assert.Equal(1, await host.Count("SELECT count(*) FROM dispatch_executions e JOIN dispatcher_runs r ON r.run_id = e.dispatcher_run_id AND r.config_sha = e.config_sha"));
    }
}
