using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Tradewire.BrokerGateway.Domain;
using Tradewire.BrokerGateway.Engine;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Risk;
using Tradewire.Contracts.Signals;
using Tradewire.Contracts;

namespace Tradewire.BrokerGateway.Persistence;

/// <summary>
/// Loads the <see cref="Book"/> (open brackets, every order of them plus every working order, positions, marks,
/// trading state) and writes back what changed. Runs in the caller's transaction; the book's lock
/// (<see cref="BookLock"/>, a transaction-scoped advisory lock) is taken first, so minute steps and control actions
/// (flatten, pause) never interleave. No row is locked for the step's length: a writer that must never wait for a
/// step, the kill switch's halt (<see cref="HaltStore"/>), has its own row.
/// </summary>
public static class BookStore
{
    /// <summary>The advisory lock key of the broker-gateway's book: every writer of the ledger takes it first.</summary>
    public const long BookLock = 0x7457_6267_0001;

    public static async Task<Book> Load(DbContext db, DateTimeOffset? sessionOpen)
    {
        await Sql.Execute(db, "SELECT pg_advisory_xact_lock($1)", BookLock);
        var book = await Read(db, sessionOpen);
        if (await HaltStore.Engaged(db) is { } halt)
            book.Status.Halted(halt);
        // Read again before each entry: a halt committed while this step waits on the venue stops the entries after it.
        book.HaltCheck = () => HaltStore.Engaged(db);
        return book;
    }

    /// <summary>
    /// The book as committed, without the book's lock: for readers (the risk picture, metrics) that must never make
    /// a minute step wait. Run it in a repeatable-read transaction for one consistent snapshot.
    /// </summary>
    public static async Task<Book> Read(DbContext db, DateTimeOffset? sessionOpen)
    {
        var book = new Book { Status = await LoadStatus(db) };
        foreach (var b in await Sql.Query(db, """
            SELECT * FROM brackets WHERE state NOT IN ('CLOSED','REJECTED')
               OR execution_id IN (SELECT execution_id FROM orders WHERE status = 'WORKING')
            """, ReadBracket))
            book.Brackets[b.ExecutionId] = b;
        foreach (var o in await Sql.Query(db, "SELECT * FROM orders WHERE status = 'WORKING' OR execution_id = ANY($1)", ReadOrder, book.Brackets.Keys.ToArray()))
            book.Orders[o.ClientOrderId] = o;
        foreach (var p in await Sql.Query(db, "SELECT * FROM positions", r => new Position
                 {
                     Ticker = r.Get<string>("ticker")!, Qty = r.Get<decimal>("qty"), AvgPrice = r.Get<decimal>("avg_price"),
                     RealizedPnl = r.Get<decimal>("realized_pnl"), OcoGroup = r.Get<string>("oco_group"), UpdatedAt = r.Time("updated_at"),
                 }))
            book.Positions[p.Ticker] = p;
        foreach (var m in await Sql.Query(db, "SELECT * FROM market_marks", r => new Mark
                 {
                     Ticker = r.Get<string>("ticker")!, LastPrice = r.Get<decimal>("last_price"), At = r.Time("at"),
                     SessionDate = r.Get<DateOnly>("session_date"), SessionOpen = r.Get<decimal>("session_open"),
                 }))
            book.Marks[m.Ticker] = m;
        if (sessionOpen is { } open)
            foreach (var (ticker, count) in await Sql.Query(db,
                         "SELECT ticker, count(*) AS n FROM orders WHERE leg_role = 'ENTRY' AND created_at >= $1 GROUP BY ticker",
                         r => (r.Get<string>("ticker")!, (int)r.Get<long>("n")), open))
                book.EntriesToday[ticker] = count;
        return book;
    }

    /// <summary>One bracket by execution id, or null.</summary>
    public static async Task<Bracket?> LoadBracket(DbContext db, Guid executionId) =>
        (await Sql.Query(db, "SELECT * FROM brackets WHERE execution_id = $1", ReadBracket, executionId)).SingleOrDefault();

    /// <summary>
    /// Loads the sagas of the book's brackets into the DbContext in one query, so that the saga repository finds
    /// them there (no round trip per event) when the step raises their events.
    /// </summary>
    public static Task LoadSagas(DbContext db, Book book)
    {
        var ids = book.Brackets.Keys.ToList();
        return db.Set<Saga.BracketSagaState>().Where(x => ids.Contains(x.CorrelationId)).AsTracking().LoadAsync();
    }

    /// <summary>The trading-state row as committed (read without a lock: the book's lock serializes its writers).</summary>
    public static async Task<TradingStatus> LoadStatus(DbContext db) =>
        (await Sql.Query(db, "SELECT * FROM trading_state WHERE id = 1", r => new TradingStatus
        {
            State = Wire.Parse<TradingState>(r.Get<string>("state")!), Reason = r.Get<string>("reason")!, Actor = r.Get<string>("actor")!,
            MarketTime = r.TimeOrNull("market_time"), SessionDate = r.Get<DateOnly?>("session_date"),
            DayStartEquity = r.Get<decimal?>("day_start_equity"), PeakEquity = r.Get<decimal?>("peak_equity"),
            SessionPeakEquity = r.Get<decimal?>("session_peak_equity"),
            Mode = Wire.Parse<ExecutionMode>(r.Get<string>("mode")!), ModeVersion = r.Get<long>("mode_version"),
        })).Single();

    static Bracket ReadBracket(DbDataReader r) => new()
    {
        ExecutionId = r.Get<Guid>("execution_id"), RecommendationId = r.Get<long>("recommendation_id"), Ticker = r.Get<string>("ticker")!,
        Side = Wire.Parse<OrderSide>(r.Get<string>("side")!), Action = Wire.Parse<TradeAction>(r.Get<string>("action")!), InstrumentType = Wire.Parse<InstrumentType>(r.Get<string>("instrument_type")!),
        PlannedQty = r.Get<decimal>("planned_qty"), Qty = r.Get<decimal>("qty"), EntryPrice = r.Get<decimal>("entry_price"),
        StopPrice = r.Get<decimal>("stop_price"), TargetPrice = r.Get<decimal>("target_price"), MaxHoldMinutes = r.Get<int>("max_hold_minutes"),
        DecisionTs = r.Time("decision_ts"), SignalTs = r.Time("signal_ts"), DispatchMinute = r.Time("dispatch_minute"),
        Confidence = r.Get<decimal>("confidence"), ConfigSha = r.Get<string>("config_sha")!, ExecutionMode = Wire.Parse<ExecutionMode>(r.Get<string>("execution_mode")!),
        State = Wire.Parse<BracketState>(r.Get<string>("state")!), FilledQty = r.Get<decimal>("filled_qty"),
        AvgEntryPrice = r.Get<decimal?>("avg_entry_price"), ExitPrice = r.Get<decimal?>("exit_price"), ExitReason = r.Get<string>("exit_reason"),
        RealizedPnl = r.Get<decimal>("realized_pnl"), EntryFilledAt = r.TimeOrNull("entry_filled_at"), ClosedAt = r.TimeOrNull("closed_at"),
        CreatedAt = r.Time("created_at"),
    };

    static OrderRecord ReadOrder(DbDataReader r) => new()
    {
        ClientOrderId = r.Get<string>("client_order_id")!, ExecutionId = r.Get<Guid>("execution_id"),
        ParentClientOrderId = r.Get<string>("parent_client_order_id"), Role = Wire.Parse<LegRole>(r.Get<string>("leg_role")!),
        OcoGroup = r.Get<string>("oco_group"), Ticker = r.Get<string>("ticker")!, Side = Wire.Parse<OrderSide>(r.Get<string>("side")!),
        Qty = r.Get<decimal>("qty"), FilledQty = r.Get<decimal>("filled_qty"), AvgFillPrice = r.Get<decimal?>("avg_fill_price"),
        Type = Wire.Parse<OrderType>(r.Get<string>("type")!), LimitPrice = r.Get<decimal?>("limit_price"), StopPrice = r.Get<decimal?>("stop_price"),
        Status = Wire.Parse<OrderStatus>(r.Get<string>("status")!), ConfigSha = r.Get<string>("config_sha")!,
        ExecutionMode = Wire.Parse<ExecutionMode>(r.Get<string>("execution_mode")!), EligibleFrom = r.Time("eligible_from"), CreatedAt = r.Time("created_at"), Dirty = false,
    };

    public static async Task Save(DbContext db, Book book)
    {
        var batch = new Sql.Batch(db);
        foreach (var b in book.Brackets.Values.Where(b => b.Dirty))
            batch.Add("""
                UPDATE brackets SET qty = $2, state = $3, filled_qty = $4, avg_entry_price = $5, exit_price = $6, exit_reason = $7,
                       realized_pnl = $8, entry_filled_at = $9, closed_at = $10, stop_price = $11, updated_at = now()
                WHERE execution_id = $1
                """, b.ExecutionId, b.Qty, Wire.Name(b.State), b.FilledQty, b.AvgEntryPrice, b.ExitPrice, b.ExitReason, b.RealizedPnl,
                b.EntryFilledAt, b.ClosedAt, b.StopPrice);
        foreach (var o in book.Orders.Values.Where(o => o.Dirty))
            batch.Add("""
                INSERT INTO orders (client_order_id, execution_id, parent_client_order_id, leg_role, oco_group, ticker, side, qty, filled_qty,
                    avg_fill_price, type, limit_price, stop_price, status, config_sha, execution_mode, eligible_from, created_at)
                VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)
                ON CONFLICT (client_order_id) DO UPDATE SET qty = EXCLUDED.qty, filled_qty = EXCLUDED.filled_qty,
                    avg_fill_price = EXCLUDED.avg_fill_price, stop_price = EXCLUDED.stop_price, status = EXCLUDED.status, updated_at = now()
                """, o.ClientOrderId, o.ExecutionId, o.ParentClientOrderId, Wire.Name(o.Role), o.OcoGroup, o.Ticker, Wire.Name(o.Side), o.Qty,
                o.FilledQty, o.AvgFillPrice, Wire.Name(o.Type), o.LimitPrice, o.StopPrice, Wire.Name(o.Status), o.ConfigSha, o.ExecutionMode,
                o.EligibleFrom, o.CreatedAt);
        foreach (var t in book.NewTrades)
            batch.Add("""
                INSERT INTO trades (trade_id, client_order_id, execution_id, ticker, side, qty, price, filled_at, execution_mode)
                VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
                """, t.TradeId, t.ClientOrderId, t.ExecutionId, t.Ticker, Wire.Name(t.Side), t.Qty, t.Price, t.FilledAt, t.ExecutionMode);
        foreach (var p in book.Positions.Values.Where(p => p.Dirty))
            batch.Add("""
                INSERT INTO positions (ticker, qty, avg_price, realized_pnl, oco_group, updated_at) VALUES ($1,$2,$3,$4,$5,$6)
                ON CONFLICT (ticker) DO UPDATE SET qty = $2, avg_price = $3, realized_pnl = $4, oco_group = $5, updated_at = $6
                """, p.Ticker, p.Qty, p.AvgPrice, p.RealizedPnl, p.OcoGroup, p.UpdatedAt);
        // Every ticker's mark moves every minute: one statement for all of them, not one per bar (58,500 statements
        // a session at 150 symbols were the gateway's largest PostgreSQL cost).
        var marks = book.Marks.Values.Where(m => m.Dirty).ToList();
        if (marks.Count > 0)
            batch.Add("""
                INSERT INTO market_marks (ticker, last_price, at, session_date, session_open)
                SELECT * FROM unnest($1::text[], $2::numeric[], $3::timestamptz[], $4::date[], $5::numeric[])
                ON CONFLICT (ticker) DO UPDATE SET last_price = EXCLUDED.last_price, at = EXCLUDED.at,
                    session_date = EXCLUDED.session_date, session_open = EXCLUDED.session_open
                """, marks.Select(m => m.Ticker).ToArray(), marks.Select(m => m.LastPrice).ToArray(),
                marks.Select(m => m.At).ToArray(), marks.Select(m => m.SessionDate).ToArray(), marks.Select(m => m.SessionOpen).ToArray());
        foreach (var e in book.NewRiskEvents)
            batch.Add("""
                INSERT INTO risk_events (id, at, reason_code, severity, ticker, execution_id, actor, detail_json) VALUES ($1,$2,$3,$4,$5,$6,$7,$8::jsonb)
                """, e.Id, e.At, e.ReasonCode, e.Severity, e.Ticker, e.ExecutionId, e.Actor, e.DetailJson);
        foreach (var c in book.StateChanges)
            batch.Add("INSERT INTO trading_state_history (state, previous, reason, actor, at) VALUES ($1,$2,$3,$4,$5)",
                c.State, c.Previous, c.Reason, c.Actor, c.At);
        var s = book.Status;
        // An engaged halt wins over the state this writer loaded (the kill switch may have committed meanwhile).
        batch.Add("""
            UPDATE trading_state t SET state = CASE WHEN h.engaged THEN 'HALTED' ELSE $1 END,
                   reason = CASE WHEN h.engaged AND $1 <> 'HALTED' THEN h.reason ELSE $2 END,
                   actor = CASE WHEN h.engaged AND $1 <> 'HALTED' THEN h.actor ELSE $3 END,
                   market_time = $4, session_date = $5, day_start_equity = $6, peak_equity = $7, session_peak_equity = $8, updated_at = now()
            FROM trading_halt h WHERE t.id = 1 AND h.id = 1
            """, s.State, s.Reason, s.Actor, s.MarketTime, s.SessionDate, s.DayStartEquity, s.PeakEquity, s.SessionPeakEquity);
        await batch.Execute();
    }
}
