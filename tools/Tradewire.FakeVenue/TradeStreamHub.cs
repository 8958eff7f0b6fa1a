namespace Tradewire.FakeVenue;

/// <summary>
/// The trading stream's open connections and what was sent on it. Events are handed to every connection that is
/// authorized and listening to <c>trade_updates</c>; one that is not hears nothing and gets nothing later (the real
/// stream keeps no backlog: a client that was away reads the orders over REST). Scripted faults: the stream goes
/// down (every connection cut, new ones refused with 503) until it is brought up again, and the events so far can
/// be sent once more in reverse order (a duplicated, out-of-order delivery).
/// </summary>
internal sealed class TradeStreamHub
{
    readonly Lock _gate = new();
    readonly List<TradeStreamSession> _sessions = [];
    readonly List<string> _sent = [];
    bool _down;
    int _authorized;

    /// <summary>Connections that were authorized so far (a reconnect counts again).</summary>
    public int Authorizations { get { lock (_gate) return _authorized; } }

    public bool Down { get { lock (_gate) return _down; } }

    /// <summary>False while the stream is down: the upgrade is refused.</summary>
    public bool TryAdd(TradeStreamSession session)
    {
        lock (_gate)
        {
            if (_down) return false;
            _sessions.Add(session);
            return true;
        }
    }

    public void Remove(TradeStreamSession session) { lock (_gate) _sessions.Remove(session); }

    public void Authorized() { lock (_gate) _authorized++; }

    /// <summary>Sends one event to every listening connection (called under the venue's lock, so events keep their order).</summary>
    public void Publish(string message)
    {
        lock (_gate)
        {
            _sent.Add(message);
            foreach (var session in _sessions.Where(s => s.Listening))
                session.Send(message);
        }
    }

    /// <summary>Cuts every connection and refuses new ones until <see cref="SetUp"/>.</summary>
    public void SetDown()
    {
        List<TradeStreamSession> cut;
        lock (_gate)
        {
            _down = true;
            cut = _sessions.ToList();
            _sessions.Clear();
        }
        foreach (var session in cut) session.Abort();
    }

    public void SetUp() { lock (_gate) _down = false; }

    /// <summary>Every event sent so far, once more, newest first.</summary>
    public void Repeat()
    {
        lock (_gate)
            foreach (var message in Enumerable.Reverse(_sent).ToList())
                foreach (var session in _sessions.Where(s => s.Listening))
                    session.Send(message);
    }
}
