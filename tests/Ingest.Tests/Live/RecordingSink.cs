using System.Collections.Concurrent;
using Tradewire.Ingest.Live;
using Tradewire.Ingest.Persistence;
using Tradewire.Ingest.Replay;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Tests.Live;

/// <summary>A sink that keeps what a live session sends it, for assertions.</summary>
sealed class RecordingSink(SessionProgress? progress) : ILiveSessionSink
{
    public ConcurrentQueue<(ReplayMinute Minute, DateTimeOffset At)> Published { get; } = new();
    public ConcurrentQueue<RecordedBar> Recorded { get; } = new();
    public ConcurrentQueue<DateTimeOffset> Stale { get; } = new();
    public TimeProvider? Time { get; init; }

    public Task<SessionProgress?> Open(DateOnly date, string source, decimal speed, bool createIfMissing, CancellationToken token) =>
        Task.FromResult(progress);

    public Task Record(DateOnly date, string source, IReadOnlyList<RecordedBar> bars, CancellationToken token)
    {
        foreach (var b in bars)
            Recorded.Enqueue(b);
        return Task.CompletedTask;
    }

    public Task RaiseStale(DateTimeOffset minute, DateTimeOffset at, TimeSpan maxHold, string? lastFault, CancellationToken token)
    {
        Stale.Enqueue(minute);
        return Task.CompletedTask;
    }

    public Task<bool> Publish(TradingSession session, string source, ReplayMinute minute, CancellationToken token)
    {
        Published.Enqueue((minute, Time?.GetUtcNow() ?? default));
        return Task.FromResult(true);
    }
}
