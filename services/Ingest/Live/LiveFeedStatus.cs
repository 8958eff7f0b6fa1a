namespace Tradewire.Ingest.Live;

/// <summary>
/// What <c>GET /feed</c> reports: the live runner's connection state and counters (docs/live-data.md).
/// Thread-safe: the runner writes, the endpoint reads a snapshot.
/// </summary>
public sealed class LiveFeedStatus(LiveOptions options)
{
    readonly object _gate = new();
    string _state = "IDLE";
    DateOnly? _session;
    DateTimeOffset? _lastClosedMinute, _idleUntil;
    int _barsLastMinute, _lateBars, _updatedBars, _reconnects, _connects;
    string? _lastFault;

    public string Feed => options.Feed;

    public void Set(string state) { lock (_gate) (_state, _idleUntil) = (state, null); }

    /// <summary>No session is running: the runner sleeps until <paramref name="until"/> (the next session's open).</summary>
    public void Idle(DateTimeOffset until) { lock (_gate) (_state, _session, _idleUntil) = ("IDLE", null, until); }

    public void Session(DateOnly? date, DateTimeOffset? lastClosedMinute)
    {
        lock (_gate)
            (_session, _lastClosedMinute) = (date, lastClosedMinute);
    }

    public void Connected()
    {
        lock (_gate)
        {
            (_state, _idleUntil) = ("CONNECTED", null);
            if (_connects++ > 0)
                _reconnects++;
        }
    }

    public void Fault(string state, string fault)
    {
        lock (_gate)
            (_state, _lastFault, _idleUntil) = (state, fault, null);
    }

    public void Closed(DateTimeOffset minute, int bars)
    {
        lock (_gate)
            (_lastClosedMinute, _barsLastMinute) = (minute, bars);
    }

    public void Counted(int late, int updated)
    {
        lock (_gate)
        {
            _lateBars += late;
            _updatedBars += updated;
        }
    }

    /// <summary>The JSON body of <c>GET /feed</c> (names as the feed seam fixes them).</summary>
    public object Snapshot(DateTimeOffset marketNow)
    {
        lock (_gate)
            return new
            {
                feed = Feed, state = _state, marketNow = marketNow.ToString("O"),
                session = _session?.ToString("yyyy-MM-dd"), lastClosedMinute = _lastClosedMinute?.ToString("O"),
                idleUntil = _idleUntil?.ToString("O"), barsLastMinute = _barsLastMinute, lateBars = _lateBars, updatedBars = _updatedBars, reconnects = _reconnects, lastFault = _lastFault,
            };
    }
}
