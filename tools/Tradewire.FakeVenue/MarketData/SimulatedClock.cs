namespace Tradewire.FakeVenue.MarketData;

/// <summary>
/// Market time as a linear function of the wall clock: Origin + (wall - StartedAt) x Speed. Thread-safe (immutable).
/// </summary>
internal sealed class SimulatedClock(TimeProvider wall, DateTimeOffset origin, DateTimeOffset startedAt, decimal speed)
{
    public decimal Speed { get; } = speed > 0 ? speed : throw new ArgumentOutOfRangeException(nameof(speed), "speed must be > 0");

    public DateTimeOffset Now
    {
        get
        {
            var elapsed = (decimal)(wall.GetUtcNow() - startedAt).Ticks;
            return origin.AddTicks((long)(elapsed * Speed));
        }
    }

    /// <summary>Wall time until the market clock reads <paramref name="at"/> (zero once it has).</summary>
    public TimeSpan WallUntil(DateTimeOffset at)
    {
        var market = at - Now;
        return market <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks((long)(market.Ticks / Speed) + 1);
    }

    /// <summary>The wall clock itself, for protocol timeouts that real networks measure in wall time.</summary>
    public TimeProvider Wall => wall;
}
