using Tradewire.BrokerGateway.Domain;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Risk;

namespace Tradewire.BrokerGateway.Engine;

/// <summary>
/// The gateway's ledger for one minute step, loaded from and saved to the database in the step's transaction:
/// open brackets, their orders, positions, marks and the trading state; plus what the step produced (trades,
/// risk events, messages to publish through the outbox).
/// </summary>
public sealed class Book
{
    public Dictionary<Guid, Bracket> Brackets { get; } = [];
    public Dictionary<string, OrderRecord> Orders { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Position> Positions { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Mark> Marks { get; } = new(StringComparer.Ordinal);
    public required TradingStatus Status { get; init; }

    /// <summary>The kill switch's halt as committed now (null: not engaged); read before each entry. Null in tests without a database.</summary>
    public Func<Task<(string Reason, string Actor)?>>? HaltCheck { get; set; }
    /// <summary>Entries sent today per ticker (risk: orders-per-day caps).</summary>
    public Dictionary<string, int> EntriesToday { get; } = new(StringComparer.Ordinal);
    /// <summary>Realized P&amp;L of all closed trading (USD), the basis of equity.</summary>
    public decimal RealizedPnl => Positions.Values.Sum(p => p.RealizedPnl);

    public List<TradeRecord> NewTrades { get; } = [];
    public List<RiskEventRecord> NewRiskEvents { get; } = [];
    public List<object> Outgoing { get; } = [];
    public List<(TradingState State, TradingState Previous, string Reason, string Actor, DateTimeOffset At)> StateChanges { get; } = [];

    public Position Position(string ticker)
    {
        if (!Positions.TryGetValue(ticker, out var p))
            Positions[ticker] = p = new Position { Ticker = ticker };
        return p;
    }

    public IEnumerable<OrderRecord> OrdersOf(Bracket b) => Orders.Values.Where(o => o.ExecutionId == b.ExecutionId);

    /// <summary>The bracket's order of <paramref name="role"/>; for a stop or target, the leg of its latest OCO pair.</summary>
    public OrderRecord? Order(Bracket b, LegRole role) =>
        Orders.GetValueOrDefault(b.Id(role, role is LegRole.Stop or LegRole.Target ? Replacements(b) : 0));

    /// <summary>How many times the bracket's OCO pair was placed again (its legs <c>-r1</c>, <c>-r2</c>, ... are all in the book).</summary>
    public int Replacements(Bracket b)
    {
        var n = 0;
        while (Orders.ContainsKey(b.Id(LegRole.Target, n + 1)) || Orders.ContainsKey(b.Id(LegRole.Stop, n + 1)))
            n++;
        return n;
    }
}

/// <summary>Last price of a ticker (close of its latest bar) and the first open of its session. USD.</summary>
public sealed class Mark
{
    public required string Ticker { get; init; }
    public decimal LastPrice { get; set; }
    public DateTimeOffset At { get; set; }
    public DateOnly SessionDate { get; set; }
    public decimal SessionOpen { get; set; }
    public bool Dirty { get; set; }
}

/// <summary>The trading state (ACTIVE, PAUSED, REDUCING, HALTED) and the equity references of the risk checks.</summary>
public sealed class TradingStatus
{
    public required TradingState State { get; set; }
    public string Reason { get; set; } = "";
    public string Actor { get; set; } = "system";
    public DateTimeOffset? MarketTime { get; set; }
    public DateOnly? SessionDate { get; set; }
    public decimal? DayStartEquity { get; set; }
    public decimal? PeakEquity { get; set; }
    /// <summary>Highest equity of the current session (reference of the session drawdown limit).</summary>
    public decimal? SessionPeakEquity { get; set; }
    /// <summary>PAPER or LIVE: written only by the mode switch (<see cref="Http.ModeSwitch"/>), never by a minute step.</summary>
    public ExecutionMode Mode { get; init; } = ExecutionMode.Paper;
    public long ModeVersion { get; init; }
    public bool Dirty { get; set; }
    public bool AllowsEntries => State == TradingState.Active;

    /// <summary>HALTED as the kill switch engaged it (its history row and message were written when it was engaged).</summary>
    public void Halted((string Reason, string Actor) halt)
    {
        if (State == TradingState.Halted)
            return;
        (State, Reason, Actor, Dirty) = (TradingState.Halted, halt.Reason, halt.Actor, true);
    }
}

