using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Tradewire.Dispatcher.Infrastructure;
using Tradewire.Integration.Tests.Support;
using Xunit;

namespace Tradewire.Integration.Tests.Dispatcher;

/// <summary>Crash point: throws once, right after the first claim that took rows committed.</summary>
sealed class DieOnceAfterClaim : IDispatchFaults
{
    int _died;
    public void AfterClaimCommit(Guid runId, IReadOnlyList<long> claimedIds)
    {
        if (claimedIds.Count > 0 && Interlocked.Exchange(ref _died, 1) == 0)
            throw new InvalidOperationException($"Fault drill: run {runId} dies after claiming {claimedIds.Count}");
    }
}

public sealed class When_a_run_dies_after_its_claim
{
    [Fact]
    public async Task Should_reap_the_stuck_rows_and_execute_them_exactly_once()
    {
        await using var sink = await OrderSink.Start();
        await using var host = await DispatcherHost.Start(TestService.NewName("disc"), null, sink.Queue,
            s => s.AddSingleton<IDispatchFaults>(new DieOnceAfterClaim()));
        using (var http = host.Http())
            (await http.PutAsync("/config", JsonContent.Create(new Dictionary<string, int> { ["processing_ttl_minutes"] = 1 }))).EnsureSuccessStatusCode();
        var feed = new SignalsFeed();
        string[] tickers = ["AAPL", "MSFT"];

        await host.Send(feed.Evaluated(0, tickers.Select(t => feed.Rec(0, t)).ToList(), tickers));
        await host.TicksDone(1);
        // The died run left its claim behind; the retried tick could not take those rows.
        Assert.Equal(2, await host.Count("SELECT count(*) FROM dispatch_recommendations WHERE status = 'PROCESSING'"));
        Assert.Equal(1, await host.Count("SELECT count(*) FROM dispatcher_runs WHERE finished_at IS NULL AND pulled_count = 2"));
        Assert.Equal(0, await host.Count("SELECT count(*) FROM dispatch_executions"));

        // Minute 1: claim is 1 market minute old, not older than the TTL. Minute 2: reaped, claimed, executed.
        await host.Send(feed.Evaluated(1, [], tickers));
        await host.TicksDone(2);
        Assert.Equal(2, await host.Count("SELECT count(*) FROM dispatch_recommendations WHERE status = 'PROCESSING'"));
        await host.Send(feed.Evaluated(2, [], tickers));
        await host.TicksDone(3);

        Assert.Equal(2, await host.Count("SELECT count(*) FROM dispatch_recommendations WHERE status = 'SIMULATED'"));
        Assert.Equal(2, await host.Count("SELECT count(*) FROM dispatch_executions"));
        Assert.Equal(2, await host.Count("SELECT count(DISTINCT recommendation_id) FROM dispatch_executions"));
        Assert.Equal(2, await host.Count("SELECT reaped_count FROM dispatcher_runs WHERE market_minute = $1", feed.Minute(2)));
        await Eventually.Until(sink.Orders, n => n >= 2, what: "2 orders");
        await Eventually.Until(() => host.Count("""SELECT count(*) FROM "OutboxMessage" """), n => n == 0, what: "the outbox to drain");
        Assert.Equal(2, await sink.Orders());
    }
}
