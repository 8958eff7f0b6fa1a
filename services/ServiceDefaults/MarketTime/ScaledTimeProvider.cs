using System.Globalization;

namespace Tradewire.ServiceDefaults.MarketTime;

/// <summary>
/// A market clock that runs <see cref="Speed"/> times faster than the wall clock from an anchor:
/// market now = <see cref="Origin"/> + (wall now - <see cref="StartedAt"/>) x <see cref="Speed"/>.
/// Every service (and the local market-data server) reads the same three settings, so they agree on market time
/// and a simulated trading day runs at N x everywhere. Timers scale too: a 60 s delay at speed 60 takes 1 s of
/// wall time. Thread-safe (immutable; the wall clock is).
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    readonly TimeProvider _wall;

    public ScaledTimeProvider(DateTimeOffset origin, DateTimeOffset startedAt, decimal speed, TimeProvider? wall = null)
    {
        if (speed <= 0)
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "MarketClock:Speed must be above zero.");
        Origin = origin.ToUniversalTime();
        StartedAt = startedAt.ToUniversalTime();
        Speed = speed;
        _wall = wall ?? System;
    }

    /// <summary>The market instant the clock read at <see cref="StartedAt"/>.</summary>
    public DateTimeOffset Origin { get; }

    /// <summary>The wall-clock instant at which the market clock read <see cref="Origin"/>.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Market seconds per wall second.</summary>
    public decimal Speed { get; }

    /// <summary>
    /// The scaled clock the <c>MarketClock:Origin</c>, <c>MarketClock:StartedAt</c> (ISO-8601 instants) and
    /// <c>MarketClock:Speed</c> (default 1) settings describe, or null when Origin is not set (the wall clock then).
    /// </summary>
    /// <exception cref="InvalidOperationException">A setting is present but not readable.</exception>
    public static ScaledTimeProvider? FromConfiguration(IConfiguration configuration, TimeProvider? wall = null)
    {
        var origin = configuration["MarketClock:Origin"];
        if (string.IsNullOrWhiteSpace(origin))
            return null;
        var startedAt = configuration["MarketClock:StartedAt"];
        if (string.IsNullOrWhiteSpace(startedAt))
            throw new InvalidOperationException("MarketClock:Origin is set but MarketClock:StartedAt is not: both anchor the market clock.");
        var speed = configuration["MarketClock:Speed"] ?? "1";
        if (!decimal.TryParse(speed, NumberStyles.Number, CultureInfo.InvariantCulture, out var s) || s <= 0)
            throw new InvalidOperationException($"MarketClock:Speed '{speed}' is not a number above zero.");
        return new ScaledTimeProvider(Instant("MarketClock:Origin", origin), Instant("MarketClock:StartedAt", startedAt), s, wall);
    }

    static DateTimeOffset Instant(string key, string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new InvalidOperationException($"{key} '{text}' is not an ISO-8601 instant (e.g. 2026-12-04T19:00:00Z).");

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() =>
        Origin + TimeSpan.FromTicks((long)((_wall.GetUtcNow() - StartedAt).Ticks * Speed));

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _wall.LocalTimeZone;

    /// <inheritdoc />
    public override long TimestampFrequency => _wall.TimestampFrequency;

    /// <inheritdoc />
    // Elapsed-time measurements see market time: the wall's monotonic timestamp, scaled.
    public override long GetTimestamp() => (long)(_wall.GetTimestamp() * Speed);

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_wall.CreateTimer(callback, state, ToWall(dueTime), ToWall(period)), this);

    /// <summary>The wall-clock span that <paramref name="market"/> of market time takes (infinite stays infinite).</summary>
    public TimeSpan ToWall(TimeSpan market) =>
        market == Timeout.InfiniteTimeSpan || market <= TimeSpan.Zero ? market : TimeSpan.FromTicks(Math.Max(1, (long)(market.Ticks / Speed)));

    sealed class ScaledTimer(ITimer inner, ScaledTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.ToWall(dueTime), owner.ToWall(period));
        public void Dispose() => inner.Dispose();
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
