namespace Tradewire.FakeVenue.MarketData;

/// <summary>
/// Market time as a linear function of the wall clock: Origin + (wall - StartedAt) x Speed. Thread-safe: the pair
/// (origin, startedAt) is replaced as a whole when a test or drill sets the clock.
/// </summary>
internal sealed class SimulatedClock
{
    readonly TimeProvider _wall;
    volatile Anchor _anchor;

    public SimulatedClock(TimeProvider wall, DateTimeOffset origin, DateTimeOffset startedAt, decimal speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        _wall = wall;
        Speed = speed;
        _anchor = new Anchor(origin, startedAt);
    }

    public decimal Speed { get; }

    public DateTimeOffset Now
    {
        get
        {
            var anchor = _anchor;
            var elapsed = (decimal)(_wall.GetUtcNow() - anchor.StartedAt).Ticks;
            return anchor.Origin.AddTicks((long)(elapsed * Speed));
        }
    }

    /// <summary>The wall clock itself, for protocol timeouts that real networks measure in wall time.</summary>
    public TimeProvider Wall => _wall;

    /// <summary>Market time reads <paramref name="origin"/> at wall instant <paramref name="startedAt"/> (default: now) from here on.</summary>
    public void Set(DateTimeOffset origin, DateTimeOffset? startedAt) => _anchor = new Anchor(origin, startedAt ?? _wall.GetUtcNow());

    /// <summary>Wall time until the market clock reads <paramref name="at"/> (zero once it has).</summary>
    public TimeSpan WallUntil(DateTimeOffset at)
    {
        var market = at - Now;
        return market <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks((long)(market.Ticks / Speed) + 1);
    }

    sealed record Anchor(DateTimeOffset Origin, DateTimeOffset StartedAt);
}
