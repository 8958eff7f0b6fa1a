namespace Tradewire.Cli.Operate;

/// <summary>
/// How long the supervisor waits before restarting a service that died: doubling from <see cref="First"/> with each
/// failure in a row, capped at <see cref="Max"/>. A service that ran at least <see cref="StableAfter"/> before
/// dying starts the count again, so one crash after a day of running does not wait as long as a crash loop.
/// </summary>
public sealed record BackoffPolicy(TimeSpan First, TimeSpan Max, TimeSpan StableAfter)
{
    public static BackoffPolicy Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60));

    /// <summary>The failure count after a death: reset to 1 when the process had been stable, else one more.</summary>
    public int NextFailureCount(int failuresInARow, TimeSpan ranFor) => ranFor >= StableAfter ? 1 : failuresInARow + 1;

    /// <summary>The wait before the restart that follows the <paramref name="failuresInARow"/>-th failure in a row (1-based).</summary>
    public TimeSpan Delay(int failuresInARow)
    {
        if (failuresInARow < 1)
            throw new ArgumentOutOfRangeException(nameof(failuresInARow), "a restart follows at least one failure");
        var ticks = First.Ticks * Math.Pow(2, Math.Min(failuresInARow - 1, 30));
        return ticks >= Max.Ticks ? Max : TimeSpan.FromTicks((long)ticks);
    }
}
