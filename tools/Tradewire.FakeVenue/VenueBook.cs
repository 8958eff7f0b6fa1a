using System.Security.Cryptography;
using System.Text;

namespace Tradewire.FakeVenue;

/// <summary>
/// Everything the venue knows: orders, positions, cash, market clock, armed faults and the request journal, behind
/// one lock, because requests run concurrently and a fill touches an order, a position and the cash at once.
/// Every public method takes the lock; private ones expect it held.
/// </summary>
internal sealed partial class VenueBook(FakeVenueOptions options)
{
    readonly Lock _gate = new();
    readonly TimeProvider _time = options.Time;
    readonly TimeSpan _pendingDelay = options.PendingDelay;
    readonly bool _shorting = options.Shorting;
    readonly List<Pending> _pending = [];
    int _replaceRejections;
    int _partialFills;
    readonly Dictionary<string, VenueOrder> _orders = new(StringComparer.Ordinal);
    // Submission order, which is also submitted_at order: the clock never goes back.
    readonly List<string> _sequence = [];
    readonly Dictionary<string, string> _idByClientId = new(StringComparer.Ordinal);
    readonly Dictionary<string, Holding> _holdings = new(StringComparer.Ordinal);
    readonly Dictionary<string, decimal> _marks = new(StringComparer.Ordinal);
    readonly List<FakeFault> _faults = [];
    readonly List<RequestRecord> _requests = [];
    decimal _cash = options.StartingCash;
    DateTimeOffset _clock = DateTimeOffset.UnixEpoch;
    DateTimeOffset? _lastBarMinute;
    long _lastId;
    long _lastExecution;

    /// <summary>The trading stream, told of every change of an order's state (<see cref="Put"/>).</summary>
    public TradeStreamHub Stream { get; } = new();

    public DateTimeOffset Clock { get { lock (_gate) return _clock; } }

    public IReadOnlyList<VenueOrder> Orders() { lock (_gate) return _sequence.Select(id => _orders[id]).ToList(); }

    public IReadOnlyList<RequestRecord> Requests() { lock (_gate) return _requests.ToList(); }

    public void Record(RequestRecord request) { lock (_gate) _requests.Add(request); }

    public void AddFault(FakeFault fault) { lock (_gate) _faults.Add(fault); }

    public void ClearFaults() { lock (_gate) _faults.Clear(); }

    /// <summary>Consumes one use of the first armed fault that hits <paramref name="route"/>, if any.</summary>
    public FakeFault? TakeFault(FaultRoute route)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(f => f.Route == route || f.Route == FaultRoute.Any);
            if (index < 0) return null;
            var fault = _faults[index];
            if (fault.Times > 1) _faults[index] = fault with { Times = fault.Times - 1 };
            else _faults.RemoveAt(index);
            return fault;
        }
    }

    public Outcome<OrderBody> Find(string id)
    {
        lock (_gate) return _orders.TryGetValue(id, out var o) ? Render(o, nested: true) : VenueError.OrderNotFound;
    }

    public Outcome<OrderBody> FindByClientOrderId(string clientOrderId)
    {
        lock (_gate)
            return _idByClientId.TryGetValue(clientOrderId, out var id) ? Render(_orders[id], nested: true) : VenueError.OrderNotFound;
    }

    public IReadOnlyList<OrderBody> List(OrderQuery q)
    {
        lock (_gate)
        {
            var picked = _sequence.Select(id => _orders[id])
                .Where(o => !(q.Nested && o.ParentId is not null))
                .Where(o => q.Status switch { "open" => o.IsOpen, "closed" => !o.IsOpen, _ => true })
                .Where(o => q.After is not { } after || o.SubmittedAt > after)
                .Where(o => q.Until is not { } until || o.SubmittedAt < until)
                .Where(o => q.Symbols is null || q.Symbols.Contains(o.Symbol));
            if (q.Direction == "desc") picked = picked.Reverse();
            return picked.Take(q.Limit).Select(o => Render(o, q.Nested)).ToList();
        }
    }

    public IReadOnlyList<OrderBody> AllFlattened() { lock (_gate) return _sequence.Select(id => Wire.Order(_orders[id], null)).ToList(); }

    public AccountBody Account()
    {
        lock (_gate)
        {
            var equity = _cash + _holdings.Sum(h => h.Value.Qty * Mark(h.Key));
            // No margin: buying power is the cash, which is what a cash account at Alpaca shows.
            return new AccountBody(StableUuid("account"), "PAFAKEVENUE", "ACTIVE", "USD",
                Wire.Num(_cash), Wire.Num(_cash), Wire.Num(equity), Wire.Num(equity));
        }
    }

    public ClockBody MarketClock()
    {
        lock (_gate) return SessionClock.At(_clock);
    }

    public IReadOnlyList<PositionBody> Positions()
    {
        lock (_gate) return _holdings.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => Position(h.Key, h.Value)).ToList();
    }

    public IReadOnlyDictionary<string, decimal> PositionQuantities()
    {
        lock (_gate) return _holdings.ToDictionary(h => h.Key, h => h.Value.Qty, StringComparer.Ordinal);
    }

    public Outcome<PositionBody> Position(string symbol)
    {
        lock (_gate) return _holdings.TryGetValue(symbol, out var h) ? Position(symbol, h) : VenueError.PositionNotFound;
    }

    PositionBody Position(string symbol, Holding h) => new(StableUuid(symbol), symbol, "us_equity", Wire.Num(h.Qty),
        Wire.Num(h.AvgEntryPrice), h.Qty >= 0 ? "long" : "short", Wire.Num(h.Qty * Mark(symbol)), Wire.Num(Mark(symbol)));

    // A position exists only after a fill, which came from a bar, so a mark is there; the fallback is for safety.
    decimal Mark(string symbol) => _marks.TryGetValue(symbol, out var m) ? m : _holdings[symbol].AvgEntryPrice;

    OrderBody Render(VenueOrder o, bool nested)
    {
        if (!nested || o.ParentId is not null || o.OrderClass != "oco") return Wire.Order(o, null);
        var legs = _sequence.Select(id => _orders[id]).Where(l => l.ParentId == o.Id && l.Status is not (OrderStatus.Replaced or OrderStatus.PendingNew or OrderStatus.Rejected)).ToList();
        return Wire.Order(o, legs.Count > 0 ? legs : null);
    }

    /// <summary>Stores an order's new state, and sends its <c>trade_updates</c> event when the change is one (<see cref="TradeUpdates"/>).</summary>
    void Put(VenueOrder next)
    {
        _orders.TryGetValue(next.Id, out var before);
        _orders[next.Id] = next;
        if (TradeUpdates.EventOf(before, next) is { } update) Publish(update, next, before);
    }

    void Publish(string update, VenueOrder next, VenueOrder? before)
    {
        var position = _holdings.TryGetValue(next.Symbol, out var h) ? h.Qty : 0m;
        Stream.Publish(TradeUpdates.Message(update, Render(next, nested: true), next, before, position, $"00000000-0000-4000-9000-{++_lastExecution:x12}"));
    }

    // Counter-based, so that two replays of the same drill hand out the same ids.
    string NextUuid() => $"00000000-0000-4000-8000-{++_lastId:x12}";

    static string StableUuid(string name) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16)).ToString();

    sealed record Holding(decimal Qty, decimal AvgEntryPrice);
}
