namespace Tradewire.FakeVenue.MarketData;

/// <summary>
/// The server's state behind one lock: the publication schedule, the bars published so far (what REST serves), the
/// armed faults and the journal. The publisher takes what is due; REST reads what is published; control routes arm.
/// </summary>
internal sealed class DataBook
{
    readonly Lock _gate = new();
    readonly PriorityQueue<Scheduled, (DateTimeOffset, long)> _schedule = new();
    readonly Dictionary<(string, DateTimeOffset), SessionBar> _published = [];
    readonly HashSet<(string, DateTimeOffset)> _skipped = [];
    readonly Dictionary<(string, DateTimeOffset), TimeSpan> _held = [];
    readonly List<SessionBar> _bars;
    readonly List<DataJournalEntry> _journal = [];
    int _authRefusals;
    readonly Queue<DataFaultKind> _restFaults = new();
    long _seq;
    long _order;

    public DataBook(RecordedSession session)
    {
        _bars = [.. session.Bars];
        foreach (var bar in _bars) Enqueue(new Scheduled(bar.PublishAt, bar, Updated: false, Held: false));
    }

    /// <summary>When the next scheduled thing is due, or null when the session is played out.</summary>
    public DateTimeOffset? NextAt { get { lock (_gate) return _schedule.TryPeek(out var s, out _) ? s.At : null; } }

    /// <summary>Arms a fault; the refusal text when it cannot be played (its moment has passed, no such bar).</summary>
    public string? Arm(DataFault fault, DateTimeOffset now)
    {
        lock (_gate)
        {
            switch (fault.Kind)
            {
                case DataFaultKind.RefuseAuth: _authRefusals += fault.Times; return null;
                case DataFaultKind.Rest429 or DataFaultKind.Rest500:
                    for (var i = 0; i < fault.Times; i++) _restFaults.Enqueue(fault.Kind);
                    return null;
                case DataFaultKind.DropAt:
                    if (fault.Minute is not { } at || at < now) return "dropAt needs a minute that has not passed";
                    Enqueue(new Scheduled(at, null, Updated: false, Held: false));
                    return null;
            }
            if (fault.Symbol is not { } symbol || fault.Minute is not { } minute) return $"{fault.Kind} needs symbol and minute";
            var bar = _bars.FirstOrDefault(b => b.Symbol == symbol && b.Minute == minute);
            if (bar is null) return $"the session has no bar of {symbol} at {minute:O}";
            if (bar.PublishAt <= now) return $"the bar of {symbol} at {minute:O} is already published";
            var delay = TimeSpan.FromSeconds(fault.Seconds);
            switch (fault.Kind)
            {
                case DataFaultKind.SkipMinute: _skipped.Add((symbol, minute)); break;
                case DataFaultKind.HoldBar: _held[(symbol, minute)] = delay; break;
                case DataFaultKind.UpdateBar: Enqueue(new Scheduled(bar.PublishAt + delay, bar.Updated(), Updated: true, Held: false)); break;
            }
            return null;
        }
    }

    /// <summary>Takes everything due at <paramref name="now"/>: bars to send, and whether connections must drop first.</summary>
    public (IReadOnlyList<PublishedBar> Bars, bool Drop) TakeDue(DateTimeOffset now)
    {
        lock (_gate)
        {
            var due = new List<PublishedBar>();
            var drop = false;
            while (_schedule.TryPeek(out var next, out _) && next.At <= now)
            {
                _schedule.Dequeue();
                if (next.Bar is not { } bar) { drop = true; continue; }
                var key = (bar.Symbol, bar.Minute);
                if (_skipped.Contains(key)) { Record(now, "skipped", symbol: bar.Symbol, minute: bar.Minute); continue; }
                if (!next.Held && !next.Updated && _held.TryGetValue(key, out var late))
                {
                    Enqueue(next with { At = next.At + late, Held = true });
                    Record(now, "held", symbol: bar.Symbol, minute: bar.Minute, detail: $"{late.TotalSeconds}s");
                    continue;
                }
                // One bar per symbol and minute in REST, as Alpaca keeps it: a later line or an update replaces it.
                _published[key] = bar;
                Record(now, "published", symbol: bar.Symbol, minute: bar.Minute, detail: next.Updated ? "u" : "b");
                due.Add(new PublishedBar(bar, next.Updated));
            }
            return (due, drop);
        }
    }

    /// <summary>Published bars of <paramref name="symbols"/> with minutes in [start, end], by symbol then minute.</summary>
    public List<SessionBar> Published(IReadOnlySet<string> symbols, DateTimeOffset start, DateTimeOffset end)
    {
        lock (_gate)
            return _published.Values
                .Where(b => symbols.Contains(b.Symbol) && b.Minute >= start && b.Minute <= end)
                .OrderBy(b => b.Symbol, StringComparer.Ordinal).ThenBy(b => b.Minute)
                .ToList();
    }

    public bool TakeAuthRefusal()
    {
        lock (_gate)
        {
            if (_authRefusals == 0) return false;
            _authRefusals--;
            return true;
        }
    }

    public DataFaultKind? TakeRestFault() { lock (_gate) return _restFaults.TryDequeue(out var kind) ? kind : null; }

    public void Record(DateTimeOffset now, string kind, int? connection = null, string? symbol = null, DateTimeOffset? minute = null, string? detail = null)
    {
        lock (_gate) _journal.Add(new DataJournalEntry(++_seq, now, kind, connection, symbol, minute, detail));
    }

    public IReadOnlyList<DataJournalEntry> Journal() { lock (_gate) return _journal.ToList(); }

    void Enqueue(Scheduled item) => _schedule.Enqueue(item, (item.At, ++_order));

    /// <summary>A bar to publish at <paramref name="At"/>, or (Bar null) a drop of every connection.</summary>
    sealed record Scheduled(DateTimeOffset At, SessionBar? Bar, bool Updated, bool Held);
}
