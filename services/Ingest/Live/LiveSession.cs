using System.Threading.Channels;
using Tradewire.Contracts.News;
using Tradewire.Ingest.Replay;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Live;

/// <summary>
/// One live trading session: streams the universe's bars into a <see cref="MinuteBook"/>, backfills what the book
/// misses over REST, and publishes each minute the book closes through <see cref="SessionMinutePublisher"/> (the
/// replay's path), in order, once. Refused, late and updated bars are recorded as they come; an outage longer
/// than MaxHold raises FEED_STALE. Ends when the session's last minute is published.
/// </summary>
public sealed class LiveSession(TradingSession session, IMarketDataFeed feed, IMarketClock clock, TimeProvider time, Universe universe,
    ILiveSessionSink store, LiveFeedStatus status, LiveOptions options, ILogger<LiveSession> log)
{
    // A failed backfill is retried after this much market time (the feed client has already retried with backoff).
    static readonly TimeSpan BackfillRetry = TimeSpan.FromSeconds(5);
    readonly string _source = options.Feed;
    MinuteBook _book = null!;
    IReadOnlyDictionary<DateTimeOffset, IReadOnlyList<NewsItem>> _news = new Dictionary<DateTimeOffset, IReadOnlyList<NewsItem>>();
    DateTimeOffset _retryBackfillAt = DateTimeOffset.MinValue;
    string? _lastFault;
    long _eventsHandled;

    /// <summary>Feed events taken from the stream so far (for diagnostics and tests that step market time).</summary>
    public long EventsHandled => Interlocked.Read(ref _eventsHandled);

    public async Task Run(CancellationToken token)
    {
        var now = clock.UtcNow;
        var progress = await store.Open(session.Date, _source, (time as ScaledTimeProvider)?.Speed ?? 1m, createIfMissing: now < session.CloseUtc, token);
        // A session that ended before ingest ever started it is not caught up after the fact: its bars are history.
        if (progress is null || progress.Status != "RUNNING" || progress.ReplayPath is not null)
        {
            log.LogInformation("Session {SessionDate} is not for the live runner (status {Status}, source {Source})",
                session.Date, progress?.Status ?? "none: it ended before ingest started", progress?.ReplayPath is null ? _source : "replay");
            return;
        }
        var next = progress.LastMinute is { } last ? last.AddMinutes(1) : session.OpenUtc;
        _book = new MinuteBook(session, universe.Symbols, next, options.Watermark, options.MaxHold, now);
        _news = SimulatedNews();
        status.Session(session.Date, progress.LastMinute);
        log.LogInformation("Live session {SessionDate} from {Next:O} ({Source})", session.Date, next, _source);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        var events = Channel.CreateUnbounded<FeedEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        status.Set("CONNECTING");
        var pump = Pump(events.Writer, stop.Token);
        try
        {
            await Loop(events.Reader, token);
        }
        finally
        {
            await stop.CancelAsync();
            try { await pump; } catch (OperationCanceledException) { /* stopping */ }
        }
        log.LogInformation("Live session {SessionDate} closed", session.Date);
    }

    async Task Loop(ChannelReader<FeedEvent> events, CancellationToken token)
    {
        Task<bool>? pending = null;
        while (!_book.Done)
        {
            // Read the clock before taking the queued events: every bar that arrived before this instant is in the
            // book when the minutes due by it close.
            var at = clock.UtcNow;
            var recorded = new List<RecordedBar>();
            while (events.TryRead(out var e))
            {
                Handle(e, recorded);
                Interlocked.Increment(ref _eventsHandled);
            }
            await Record(recorded, token);
            if (await BackfillIfNeeded(token))
                continue; // the backfill took time: take what the stream sent meanwhile before closing anything
            foreach (var closed in _book.Close(at))
                await Publish(closed, token);
            if (_book.Done)
                break;

            var now = clock.UtcNow;
            var wake = _book.NextWake(now);
            if (_book.BackfillNeeded(now) is not null && _retryBackfillAt < wake)
                wake = _retryBackfillAt;
            if (wake <= now)
                continue;
            pending ??= events.WaitToReadAsync(token).AsTask();
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(token);
            var delay = Task.Delay(wake - now, time, timer.Token);
            await Task.WhenAny(pending, delay);
            await timer.CancelAsync();
            token.ThrowIfCancellationRequested();
            if (pending.IsCompleted)
                pending = null;
        }
    }

    void Handle(FeedEvent e, List<RecordedBar> recorded)
    {
        switch (e)
        {
            case FeedBar bar:
                var outcome = _book.Offer(bar, fromBackfill: false);
                if (outcome.Fate is not (BarFate.Held or BarFate.Deduplicated))
                    recorded.Add(new RecordedBar(bar, outcome));
                break;
            case FeedConnected:
                // The time we learn of it, not the feed's stamp: never earlier than the truth, so never too generous.
                _book.Connected(clock.UtcNow);
                status.Connected();
                log.LogInformation("Feed connected at {At:O} (market time)", clock.UtcNow);
                break;
            case FeedDisconnected d:
                _book.Disconnected();
                _lastFault = d.Reason;
                status.Fault("DISCONNECTED", d.Reason);
                log.LogWarning("Feed disconnected: {Reason}; minutes are held until it is back and backfilled", d.Reason);
                break;
            case FeedFault f:
                _book.Disconnected();
                _lastFault = $"{f.Code} {f.Message}";
                status.Fault("REFUSED", _lastFault);
                log.LogError("Feed refused us: {Code} {Message}", f.Code, f.Message);
                break;
        }
    }

    /// <summary>Backfills the due minutes the book misses, if any; true when it tried (successfully or not).</summary>
    async Task<bool> BackfillIfNeeded(CancellationToken token)
    {
        var now = clock.UtcNow;
        if (_book.BackfillNeeded(now) is not { } range || now < _retryBackfillAt)
            return false;
        status.Set("BACKFILLING");
        try
        {
            var bars = await feed.Backfill(universe.Symbols, range.From, range.To, token);
            var recorded = new List<RecordedBar>();
            foreach (var bar in bars)
                if (_book.Offer(bar, fromBackfill: true) is { Fate: not (BarFate.Held or BarFate.Deduplicated) } outcome)
                    recorded.Add(new RecordedBar(bar, outcome));
            await Record(recorded, token);
            _book.Backfilled(range.To);
            log.LogInformation("Backfilled {Count} bars of {From:O} - {To:O}", bars.Count, range.From, range.To);
            status.Set(_book.ConnectedSince is null ? "DISCONNECTED" : "CONNECTED");
        }
        catch (MarketDataException e)
        {
            _lastFault = e.Message;
            status.Fault("BACKFILLING", e.Message);
            _retryBackfillAt = now + BackfillRetry;
            log.LogWarning(e, "Backfill of {From:O} - {To:O} failed; retrying", range.From, range.To);
        }
        return true;
    }

    async Task Record(List<RecordedBar> recorded, CancellationToken token)
    {
        foreach (var r in recorded.Where(r => r.Outcome.Fate == BarFate.Refused))
            log.LogWarning("Refused live bar ({ReasonCode}): {Detail}", r.Outcome.Refusal!.ReasonCode, r.Outcome.Refusal.Detail);
        await store.Record(session.Date, _source, recorded, token);
        status.Counted(recorded.Count(r => r.Outcome.Fate == BarFate.Late), recorded.Count(r => r.Outcome.Fate == BarFate.Updated));
    }

    async Task Publish(ClosedMinute closed, CancellationToken token)
    {
        if (closed.StartsOutage)
        {
            log.LogError("Feed stale: minute {Minute:O} held {MaxHold} without its bars; closing with what there is", closed.Minute, options.MaxHold);
            await store.RaiseStale(closed.Minute, closed.ClosedAt, options.MaxHold, _lastFault, token);
        }
        var news = _news.TryGetValue(closed.Minute, out var items) ? items : [];
        await store.Publish(session, _source, new ReplayMinute(closed.Minute, closed.Bars, news, []), token);
        status.Closed(closed.Minute, closed.Bars.Count);
    }

    // With a simulated feed and a recorded session, its news.csv goes out by time exactly as a replay sends it.
    IReadOnlyDictionary<DateTimeOffset, IReadOnlyList<NewsItem>> SimulatedNews() =>
        options.Feed == "simulated" && !string.IsNullOrWhiteSpace(options.SessionPath)
            ? ReplayPlan.Load(options.SessionPath, session.Date, clock.Calendar, universe.Symbols).Minutes.ToDictionary(m => m.Minute, m => m.News)
            : new Dictionary<DateTimeOffset, IReadOnlyList<NewsItem>>();

    async Task Pump(ChannelWriter<FeedEvent> writer, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            try
            {
                await foreach (var e in feed.Stream(universe.Symbols.ToList(), token))
                    await writer.WriteAsync(e, token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The feed contract says a stream ends only on cancellation; if it throws, say so and start it again.
                log.LogError(e, "The market-data stream failed; restarting it");
                await writer.WriteAsync(new FeedDisconnected(clock.UtcNow, "stream failed: " + e.Message), token);
                try { await Task.Delay(TimeSpan.FromSeconds(1), token); } catch (OperationCanceledException) { break; }
            }
        }
        writer.TryComplete();
    }
}
