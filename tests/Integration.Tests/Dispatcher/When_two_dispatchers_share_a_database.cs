using Tradewire.Dispatcher.Runs;

namespace Tradewire.Integration.Tests.Dispatcher;

public sealed class When_two_dispatchers_share_a_database(ITestOutputHelper output)
{
    [Fact]
    public async Task Should_execute_each_recommendation_once_and_send_one_order_per_execution()
    {
        await using var sink = await OrderSink.Start();
        var name = TestService.NewName("dis2");
        await using var first = await DispatcherHost.Start(name, null, sink.Queue);
        await using var second = await DispatcherHost.Start(name, first.ConnectionString, sink.Queue);
        var feed = new SignalsFeed();
        const int minutes = 12, perMinute = 3;
        for (var m = 0; m < minutes; m++)
        {
            var tickers = Enumerable.Range(0, perMinute).Select(i => $"T{m:D2}{i}").ToArray();
            var message = feed.Evaluated(m, tickers.Select(t => feed.Rec(m, t)).ToList(), tickers);
            // Each replica gets some ticks, and one minute twice (a redelivery through the other replica).
            await (m % 2 == 0 ? first : second).Send(message);
            if (m == 5)
                await first.Send(message);
        }
        await first.TicksDone(minutes);

        const long expected = minutes * perMinute;
        await Eventually.Until(sink.Orders, n => n >= expected, what: $"{expected} orders");
        Assert.Equal(expected, await first.Count("SELECT count(*) FROM dispatch_executions"));
        Assert.Equal(expected, await first.Count("SELECT count(DISTINCT recommendation_id) FROM dispatch_executions"));
        Assert.Equal(expected, await first.Count("SELECT count(*) FROM dispatch_recommendations WHERE status = 'SIMULATED'"));
        Assert.Equal(minutes, await first.Count("SELECT count(*) FROM dispatcher_runs WHERE finished_at IS NOT NULL"));
        Assert.Equal(expected, await first.Count("SELECT sum(simulated_count) FROM dispatcher_runs"));
        // No minute was run twice, whichever replica took it.
        Assert.Equal(0, await first.Count("SELECT count(*) FROM (SELECT market_minute FROM dispatcher_runs WHERE finished_at IS NOT NULL GROUP BY 1 HAVING count(*) > 1) d"));
        await Eventually.Until(() => first.Count("""SELECT count(*) FROM "OutboxMessage" """), n => n == 0, what: "the outboxes to drain");
        Assert.Equal(expected, await sink.Orders());
        Assert.Equal(expected, await sink.DistinctOrders());
        var instances = await Sql.Rows(first.ConnectionString,
            "SELECT run_summary_json->>'instance' AS instance, count(*) AS runs FROM dispatcher_runs GROUP BY 1");
        output.WriteLine("dispatcher runs per replica: " + string.Join(", ", instances.Select(r => $"{r["instance"]}={r["runs"]}")));
    }

    [Fact]
    public async Task Should_run_each_tick_once_when_both_replicas_race_for_it()
    {
        await using var sink = await OrderSink.Start();
        var name = TestService.NewName("dis2r");
        await using var first = await DispatcherHost.Start(name, null, sink.Queue, runLoop: false);
        await using var second = await DispatcherHost.Start(name, first.ConnectionString, sink.Queue, runLoop: false);
        var feed = new SignalsFeed();
        const int minutes = 12, perMinute = 3;
        for (var m = 0; m < minutes; m++)
        {
            var tickers = Enumerable.Range(0, perMinute).Select(i => $"R{m:D2}{i}").ToArray();
            await first.Send(feed.Evaluated(m, tickers.Select(t => feed.Rec(m, t)).ToList(), tickers));
        }
        await Eventually.Until(() => first.Count("SELECT count(*) FROM dispatcher_ticks"), n => n == minutes, what: "all ticks recorded");

        // Both replicas' runners in tight loops at once: every tick is contended.
        var runs = await Task.WhenAll(Task.Run(() => Drive(first)), Task.Run(() => Drive(second)));
        output.WriteLine($"ticks run per replica: {runs[0]} / {runs[1]}");

        const long expected = minutes * perMinute;
        Assert.Equal(minutes, runs[0] + runs[1]);
        Assert.Equal(expected, await first.Count("SELECT count(*) FROM dispatch_executions"));
        Assert.Equal(expected, await first.Count("SELECT count(DISTINCT recommendation_id) FROM dispatch_executions"));
        Assert.Equal(minutes, await first.Count("SELECT count(DISTINCT market_minute) FROM dispatcher_runs"));
        Assert.Equal(minutes, await first.Count("SELECT count(*) FROM dispatcher_runs"));
        await Eventually.Until(sink.Orders, n => n >= expected, what: $"{expected} orders");
        await Eventually.Until(() => first.Count("""SELECT count(*) FROM "OutboxMessage" """), n => n == 0, what: "the outboxes to drain");
        Assert.Equal(expected, await sink.Orders());
        Assert.Equal(expected, await sink.DistinctOrders());
    }

    static async Task<int> Drive(DispatcherHost host)
    {
        var runner = host.App.Services.GetRequiredService<TickRunner>();
        var ran = 0;
        while (await host.Count("SELECT count(*) FROM dispatcher_ticks WHERE done_at IS NULL") > 0)
            if (await runner.RunNext(CancellationToken.None))
                ran++;
        return ran;
    }
}
