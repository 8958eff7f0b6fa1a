namespace Tradewire.FakeVenue.MarketData;

/// <summary>
/// The open stream connections: hands out connection numbers, enforces one authenticated session per key pair (the
/// page: "each account can have up to one concurrent websocket connection"), fans bars out and drops connections.
/// </summary>
internal sealed class StreamHub(DataBook book)
{
    readonly Lock _gate = new();
    readonly List<StreamSession> _open = [];
    StreamSession? _authenticated;
    int _lastId;

    public int NextId() => Interlocked.Increment(ref _lastId);

    public void Add(StreamSession session) { lock (_gate) _open.Add(session); }

    public void Remove(StreamSession session)
    {
        lock (_gate)
        {
            _open.Remove(session);
            if (_authenticated == session) _authenticated = null;
        }
    }

    /// <summary>Makes <paramref name="session"/> the key pair's one authenticated session; false if another holds it.</summary>
    public bool TryClaim(StreamSession session)
    {
        lock (_gate)
        {
            if (_authenticated is not null && _authenticated != session) return false;
            _authenticated = session;
            return true;
        }
    }

    /// <summary>Sends each authenticated connection, in one frame, the bars it subscribed to.</summary>
    public void Broadcast(IReadOnlyList<PublishedBar> bars, DateTimeOffset now)
    {
        foreach (var session in Snapshot())
        {
            if (!session.Authenticated) continue;
            var wanted = bars.Where(session.Subscriptions.Wants).ToList();
            if (wanted.Count == 0) continue;
            session.Send(StreamMessages.Bars(wanted));
            foreach (var p in wanted)
                book.Record(now, "sent", session.Id, p.Bar.Symbol, p.Bar.Minute, p.Updated ? "u" : "b");
        }
    }

    /// <summary>Aborts every connection at once: no close frame, as a network failure looks to the client.</summary>
    public void DropAll(DateTimeOffset now)
    {
        foreach (var session in Snapshot())
        {
            book.Record(now, "dropped", session.Id);
            session.Abort();
        }
    }

    StreamSession[] Snapshot() { lock (_gate) return [.. _open]; }
}
