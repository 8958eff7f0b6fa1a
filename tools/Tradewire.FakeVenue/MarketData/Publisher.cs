namespace Tradewire.FakeVenue.MarketData;

/// <summary>
/// Plays the schedule on the market clock: whatever is due is published (REST sees it) and sent to the subscribed
/// connections in one frame each; a scheduled drop aborts every connection first. Wakes at least every 200 ms of wall
/// time, so a fault armed meanwhile is seen in time.
/// </summary>
internal static class Publisher
{
    static readonly TimeSpan MaxNap = TimeSpan.FromMilliseconds(200);

    public static async Task Run(DataBook book, StreamHub hub, SimulatedClock clock, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var now = clock.Now;
            var (bars, drop) = book.TakeDue(now);
            if (drop) hub.DropAll(now);
            if (bars.Count > 0) hub.Broadcast(bars, now);
            var wait = book.NextAt is { } next ? clock.WallUntil(next) : MaxNap;
            if (wait == TimeSpan.Zero) continue;
            try
            {
                await Task.Delay(wait < MaxNap ? wait : MaxNap, clock.Wall, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
