namespace Tradewire.Integration.Tests.Dispatcher;

public sealed class When_signals_are_committed
{
    /// <summary>
    /// The consumer wakes the run loop after its transaction commits. With the poll an hour away, only that wake
    /// can run the ticks: woken before the commit (as it once was), the run finds no tick and sleeps the hour.
    /// </summary>
    [Fact]
    public async Task Should_run_each_minute_at_once_without_waiting_for_the_poll()
    {
        await using var sink = await OrderSink.Start();
        await using var host = await DispatcherHost.Start(TestService.NewName("diswake"), null, sink.Queue, pollInterval: "01:00:00");
        var feed = new SignalsFeed();
        for (var minute = 0; minute < 3; minute++)
        {
            await host.Send(feed.Evaluated(minute, [feed.Rec(minute, "AAPL", confidence: 0.67m)], "AAPL"));
            await host.TicksDone(minute + 1, TimeSpan.FromSeconds(30));
        }
        Assert.Equal(3, await host.Count("SELECT count(*) FROM dispatcher_runs"));
    }
}
