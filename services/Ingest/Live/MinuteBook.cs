using Tradewire.Contracts.Market;
using Tradewire.Ingest.Replay;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Live;

/// <summary>
/// The closing rule of a live session, without I/O (docs/live-data.md). Minute M closes at market time
/// M + 1 min + watermark if its bars are known complete: the feed has been connected since before M's end, or a
/// backfill made at or after that time covered M. A due minute that is not complete is held: once connected, the
/// book asks for a backfill of every due minute (<see cref="BackfillNeeded"/>); if a minute stays held for
/// <c>maxHold</c> (counted from when it fell due, or from the book's start for minutes due before it) it closes with
/// what it has, marked stale. Minutes close in order, each bar at most once: the first copy of a symbol's minute
/// wins, a backfill repeating it is dropped, a bar for a closed minute is late and an updated bar is only recorded.
/// Not thread-safe: one instance per session run, fed from one loop.
/// </summary>
public sealed class MinuteBook
{
    static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);
    readonly TradingSession _session;
    readonly IReadOnlySet<string> _universe;
    readonly TimeSpan _watermark;
    readonly TimeSpan _maxHold;
    readonly DateTimeOffset _startedAt;
    readonly SortedDictionary<DateTimeOffset, Dictionary<string, (Bar Bar, bool Streamed)>> _held = new();
    readonly HashSet<(string, DateTimeOffset)> _refused = [];
    readonly Dictionary<DateTimeOffset, DateTimeOffset> _closedAt = new();
    DateTimeOffset _backfilledThrough;
    bool _inOutage;

    /// <param name="next">The first minute not yet published (the session's open on a fresh start).</param>
    /// <param name="startedAt">Market time the book starts at: holds of minutes already due count from here.</param>
    public MinuteBook(TradingSession session, IReadOnlySet<string> universe, DateTimeOffset next, TimeSpan watermark, TimeSpan maxHold,
        DateTimeOffset startedAt)
    {
        _session = session;
        _universe = universe;
        _watermark = watermark;
        _maxHold = maxHold;
        _startedAt = startedAt;
        NextToClose = next;
        _backfilledThrough = next;
    }

    /// <summary>The first minute not yet closed; the session's close once every minute is.</summary>
    public DateTimeOffset NextToClose { get; private set; }

    public bool Done => NextToClose >= _session.CloseUtc;

    /// <summary>When the current connection was established; null while disconnected.</summary>
    public DateTimeOffset? ConnectedSince { get; private set; }

    public void Connected(DateTimeOffset at) => ConnectedSince = at;

    public void Disconnected() => ConnectedSince = null;

    /// <summary>When <paramref name="minute"/> is due to close (its end plus the watermark).</summary>
    public DateTimeOffset DueAt(DateTimeOffset minute) => minute + OneMinute + _watermark;

    /// <summary>Validates a bar and holds it for its minute, or says why not.</summary>
    public BarOutcome Offer(FeedBar bar, bool fromBackfill)
    {
        var minute = bar.Minute.ToUniversalTime();
        var label = $"{bar.Symbol} {MarketTimeZone.ToMarketLocal(minute):HH:mm}";
        if (bar.Updated)
            return new BarOutcome(BarFate.Updated, MinuteClosedAt: ClosedAt(minute));
        if (BarRules.Symbol(bar.Symbol, _universe) is { } unknown)
            return Refuse(bar.Symbol, minute, unknown);
        if (minute.Ticks % TimeSpan.TicksPerMinute != 0)
            return Refuse(bar.Symbol, minute, BarVerdict.Reject(BarRejection.BadTime, $"{bar.Symbol} bar time {minute:O} is not the start of a minute"));
        if (BarRules.InSession(label, minute, _session) is { } outside)
            return Refuse(bar.Symbol, minute, outside);
        if (minute < NextToClose)
            return new BarOutcome(BarFate.Late, BarVerdict.Reject(BarRejection.MinuteAlreadyClosed,
                $"{label} arrived at {bar.ReceivedAt:O}, after its minute closed"), ClosedAt(minute));
        if (_refused.Contains((bar.Symbol, minute)))
            return BarOutcome.Deduplicated;
        if ((BarRules.Prices(label, bar.Open, bar.High, bar.Low, bar.Close) ?? BarRules.Volume(label, bar.Volume)) is { } bad)
            return Refuse(bar.Symbol, minute, bad);

        if (!_held.TryGetValue(minute, out var bars))
            _held[minute] = bars = new Dictionary<string, (Bar, bool)>(StringComparer.Ordinal);
        if (bars.TryGetValue(bar.Symbol, out var first))
            return fromBackfill || !first.Streamed
                ? BarOutcome.Deduplicated
                : Refuse(bar.Symbol, minute, BarVerdict.Reject(BarRejection.DuplicateBar, $"second streamed {label} bar"), remember: false);
        bars[bar.Symbol] = (new Bar
        {
            Symbol = bar.Symbol, Minute = minute, Open = bar.Open, High = bar.High, Low = bar.Low, Close = bar.Close, Volume = bar.Volume,
        }, !fromBackfill);
        return BarOutcome.Held;
    }

    /// <summary>
    /// The minutes to backfill now, [From, To): every due minute from the first held one, when that one is not
    /// complete and the feed is connected (a backfill before then would miss what the outage still hides).
    /// </summary>
    public (DateTimeOffset From, DateTimeOffset To)? BackfillNeeded(DateTimeOffset now)
    {
        if (Done || ConnectedSince is null || now < DueAt(NextToClose) || Complete(NextToClose))
            return null;
        var to = MinuteOf(now - _watermark);
        return (NextToClose, to < _session.CloseUtc ? to : _session.CloseUtc);
    }

    /// <summary>A backfill of minutes before <paramref name="to"/> succeeded: they are complete.</summary>
    public void Backfilled(DateTimeOffset to)
    {
        if (to > _backfilledThrough)
            _backfilledThrough = to;
    }

    /// <summary>Closes, in order, every minute the rule lets close at <paramref name="now"/>.</summary>
    public IReadOnlyList<ClosedMinute> Close(DateTimeOffset now)
    {
        var closed = new List<ClosedMinute>();
        while (!Done && now >= DueAt(NextToClose))
        {
            var minute = NextToClose;
            var complete = Complete(minute);
            if (!complete && now < HoldExpires(minute))
                break;
            var startsOutage = !complete && !_inOutage;
            _inOutage = !complete;
            var bars = _held.Remove(minute, out var held)
                ? held.Values.Select(h => h.Bar).OrderBy(b => b.Symbol, StringComparer.Ordinal).ToList()
                : [];
            _refused.RemoveWhere(r => r.Item2 == minute);
            _closedAt[minute] = now;
            closed.Add(new ClosedMinute(minute, bars, !complete, startsOutage, now));
            NextToClose = minute + OneMinute;
        }
        return closed;
    }

    /// <summary>The next market time at which <see cref="Close"/> or <see cref="BackfillNeeded"/> may have something to do.</summary>
    public DateTimeOffset NextWake(DateTimeOffset now)
    {
        if (Done)
            return DateTimeOffset.MaxValue;
        var due = DueAt(NextToClose);
        return now < due ? due : HoldExpires(NextToClose);
    }

    bool Complete(DateTimeOffset minute) =>
        minute < _backfilledThrough || (ConnectedSince is { } since && since < minute + OneMinute);

    DateTimeOffset HoldExpires(DateTimeOffset minute)
    {
        var due = DueAt(minute);
        return (due > _startedAt ? due : _startedAt) + _maxHold;
    }

    DateTimeOffset? ClosedAt(DateTimeOffset minute) => _closedAt.TryGetValue(minute, out var at) ? at : null;

    BarOutcome Refuse(string symbol, DateTimeOffset minute, BarVerdict refusal, bool remember = true)
    {
        if (remember && minute >= NextToClose && !_refused.Add((symbol, minute)))
            return BarOutcome.Deduplicated;
        return new BarOutcome(BarFate.Refused, refusal);
    }

    static DateTimeOffset MinuteOf(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
}
