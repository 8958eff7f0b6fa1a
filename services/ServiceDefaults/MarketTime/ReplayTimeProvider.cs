namespace Tradewire.ServiceDefaults.MarketTime;

/// <summary>
/// A <see cref="TimeProvider"/> driven by market data during replay: time stands still until the replay driver
/// calls <see cref="AdvanceTo"/> with the timestamp of the next event, and it never goes backwards.
/// </summary>
/// <remarks>
/// <para><see cref="GetUtcNow"/> returns the last instant advanced to (offset zero). Timestamps follow the same
/// clock (<see cref="TimestampFrequency"/> is ticks per second), so elapsed-time measurements see replay time.</para>
/// <para>Timers (<see cref="CreateTimer"/>, hence <c>Task.Delay</c>, <c>PeriodicTimer</c> and
/// <c>CancellationTokenSource</c> timeouts on this provider) fire only inside <see cref="AdvanceTo"/>: every timer
/// due at or before the target fires in due order (ties in scheduling order), synchronously on the calling thread,
/// with the clock reading that timer's due time while its callback runs. A timer due "now" fires at the next
/// <see cref="AdvanceTo"/>, even one to the current instant. A periodic timer fires once per elapsed period.</para>
/// <para>Thread safety: any thread may read the clock and create, change or dispose timers. <see cref="AdvanceTo"/>
/// belongs to one replay driver: calling it concurrently or from inside a timer callback throws. If a callback
/// throws, the exception propagates and the clock stays at that timer's due time.</para>
/// </remarks>
public sealed class ReplayTimeProvider : TimeProvider
{
    readonly object _gate = new();
    readonly List<ReplayTimer> _scheduled = [];
    DateTimeOffset _now;
    long _sequence;
    bool _advancing;

    /// <summary>Creates a provider whose clock reads <paramref name="start"/> (converted to UTC).</summary>
    public ReplayTimeProvider(DateTimeOffset start) => _now = start.ToUniversalTime();

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
            return _now;
    }

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>
    /// Moves the clock forward to <paramref name="instant"/>, firing every timer due on the way. Advancing to the
    /// current instant is allowed (and fires timers due now).
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// <paramref name="instant"/> is earlier than the current time, or another advance is in progress.
    /// </exception>
    public void AdvanceTo(DateTimeOffset instant)
    {
        var target = instant.ToUniversalTime();
        lock (_gate)
        {
            if (_advancing)
                throw new InvalidOperationException(
                    $"Replay time is already being advanced (to reach {target:O}); AdvanceTo must not be called concurrently or from a timer callback.");
            if (target < _now)
                throw new InvalidOperationException(
                    $"Replay time cannot go backwards: the clock reads {_now:O} and was asked to move to {target:O}.");
            _advancing = true;
        }
        try
        {
            while (TakeNextDue(target) is { } fire)
                fire.Callback(fire.State);
            lock (_gate)
                _now = target;
        }
        finally
        {
            lock (_gate)
                _advancing = false;
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ReplayTimer(this, callback, state);
        Schedule(timer, dueTime, period);
        return timer;
    }

    (TimerCallback Callback, object? State)? TakeNextDue(DateTimeOffset target)
    {
        lock (_gate)
        {
            ReplayTimer? next = null;
            foreach (var timer in _scheduled)
                if (timer.Due <= target && (next is null || (timer.Due, timer.Sequence).CompareTo((next.Due, next.Sequence)) < 0))
                    next = timer;
            if (next is null)
                return null;
            var due = next.Due;
            if (due > _now)
                _now = due;
            if (next.Period > TimeSpan.Zero && next.Period != Timeout.InfiniteTimeSpan)
                next.Due = due + next.Period;
            else
                _scheduled.Remove(next);
            return (next.Callback, next.State);
        }
    }

    bool Schedule(ReplayTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "Due time must be non-negative or infinite.");
        if (period < TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(period), period, "Period must be non-negative or infinite.");
        lock (_gate)
        {
            if (timer.Disposed)
                return false;
            _scheduled.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
                return true;
            timer.Due = _now + dueTime;
            timer.Period = period;
            timer.Sequence = ++_sequence;
            _scheduled.Add(timer);
            return true;
        }
    }

    void Cancel(ReplayTimer timer)
    {
        lock (_gate)
        {
            timer.Disposed = true;
            _scheduled.Remove(timer);
        }
    }

    /// <summary>A timer owned by its provider; all mutable fields are guarded by the provider's lock.</summary>
    sealed class ReplayTimer(ReplayTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback { get; } = callback;
        public object? State { get; } = state;
        public DateTimeOffset Due { get; set; }
        public TimeSpan Period { get; set; }
        public long Sequence { get; set; }
        public bool Disposed { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period) => owner.Schedule(this, dueTime, period);

        public void Dispose() => owner.Cancel(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
