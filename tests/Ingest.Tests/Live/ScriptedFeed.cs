using System.Runtime.CompilerServices;
using Tradewire.Ingest.Live;

namespace Tradewire.Ingest.Tests.Live;

/// <summary>
/// An in-memory <see cref="IMarketDataFeed"/> for the runner's pure logic: a script of stream events, each yielded
/// once the (fake) market clock reaches its time (in time order; ties in script order), and a backfill that answers with every scripted bar already
/// published (its ReceivedAt passed) in the range, whether or not the stream delivered it.
/// </summary>
sealed class ScriptedFeed(TimeProvider time, IEnumerable<(DateTimeOffset At, FeedEvent Event)> events, IReadOnlyList<FeedBar> published) : IMarketDataFeed
{
    readonly IReadOnlyList<(DateTimeOffset At, FeedEvent Event)> script = events.OrderBy(e => e.At).ToList();
    long _yielded;
    public long Yielded => Interlocked.Read(ref _yielded);
    public List<(DateTimeOffset From, DateTimeOffset To, DateTimeOffset At)> Backfills { get; } = [];
    public int FailBackfills { get; set; }

    public async IAsyncEnumerable<FeedEvent> Stream(IReadOnlyCollection<string> symbols, [EnumeratorCancellation] CancellationToken token)
    {
        foreach (var (at, e) in script)
        {
            var wait = at - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, time, token);
            Interlocked.Increment(ref _yielded);
            yield return e;
        }
        await Task.Delay(Timeout.Infinite, token);
    }

    /// <summary>Stream events due by now.</summary>
    public int DueBy(DateTimeOffset now) => script.Count(s => s.At <= now);

    public Task<IReadOnlyList<FeedBar>> Backfill(IReadOnlyCollection<string> symbols, DateTimeOffset start, DateTimeOffset end, CancellationToken token)
    {
        var now = time.GetUtcNow();
        lock (Backfills)
            Backfills.Add((start, end, now));
        if (FailBackfills-- > 0)
            throw new MarketDataException("scripted refusal: 500 from the bars endpoint");
        IReadOnlyList<FeedBar> bars = published
            .Where(b => b.Minute >= start && b.Minute < end && b.ReceivedAt <= now && symbols.Contains(b.Symbol))
            .OrderBy(b => b.Symbol, StringComparer.Ordinal).ThenBy(b => b.Minute)
            .ToList();
        return Task.FromResult(bars);
    }
}
