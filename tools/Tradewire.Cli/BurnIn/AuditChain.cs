namespace Tradewire.Cli.BurnIn;

/// <summary>
/// The audit trail signal -> decision -> orders -> trades across three databases: the signal service's
/// signal_log (signal_key), the dispatcher's recommendations and executions (signal_key, recommendation_id,
/// execution_id) and the broker-gateway's brackets, orders and trades (execution_id, client_order_id).
/// Each break is one sentence naming the link that is missing.
/// </summary>
public static class AuditChain
{
    public sealed record Decision(Guid ExecutionId, string? SignalKey);
    public sealed record Order(string ClientOrderId, Guid ExecutionId, string Role, decimal FilledQty);

    public static IReadOnlyList<string> Find(IReadOnlySet<string> signals, IReadOnlyList<Decision> decisions, IReadOnlyDictionary<Guid, string> brackets,
        IReadOnlyList<Order> orders, IReadOnlyDictionary<string, decimal> tradedQty)
    {
        var breaks = new List<string>();
        var decided = decisions.Select(d => d.ExecutionId).ToHashSet();
        var ordered = orders.Select(o => o.ExecutionId).ToHashSet();
        foreach (var d in decisions)
        {
            if (d.SignalKey is null || !signals.Contains(d.SignalKey))
                breaks.Add($"decision {d.ExecutionId} has no signal ({d.SignalKey ?? "no recommendation"})");
            if (!brackets.TryGetValue(d.ExecutionId, out var state))
                breaks.Add($"decision {d.ExecutionId} never reached the broker-gateway");
            else if (state != "REJECTED" && !ordered.Contains(d.ExecutionId)) // a risk rejection sends no order
                breaks.Add($"decision {d.ExecutionId} has no order");
        }
        foreach (var id in brackets.Keys.Where(b => !decided.Contains(b)))
            breaks.Add($"bracket {id} has no decision");
        foreach (var o in orders.Where(o => tradedQty.GetValueOrDefault(o.ClientOrderId) != o.FilledQty))
            breaks.Add($"order {o.ClientOrderId} filled {o.FilledQty:0.####} but its trades total {tradedQty.GetValueOrDefault(o.ClientOrderId):0.####}");
        return breaks;
    }

    public static async Task<IReadOnlyList<string>> Breaks(Db signal, Db dispatcher, Db broker, DateOnly date, DateTimeOffset from, DateTimeOffset to)
    {
        var signals = (await signal.Rows("SELECT signal_key FROM signal_log WHERE session_date = $1", date)).Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        var decisions = (await dispatcher.Rows("""
            SELECT e.execution_id, r.signal_key FROM dispatch_executions e LEFT JOIN dispatch_recommendations r ON r.id = e.recommendation_id
            WHERE e.trading_date = $1
            """, date)).Select(r => new Decision((Guid)r[0]!, r[1] as string)).ToList();
        var brackets = (await broker.Rows("SELECT execution_id, state FROM brackets WHERE dispatch_minute >= $1 AND dispatch_minute < $2", from, to))
            .ToDictionary(r => (Guid)r[0]!, r => (string)r[1]!);
        var orders = (await broker.Rows("SELECT client_order_id, execution_id, leg_role, filled_qty FROM orders WHERE created_at >= $1 AND created_at < $2", from, to))
            .Select(r => new Order((string)r[0]!, (Guid)r[1]!, (string)r[2]!, (decimal)r[3]!)).ToList();
        var traded = (await broker.Rows("""
            SELECT t.client_order_id, sum(t.qty) FROM trades t JOIN orders o ON o.client_order_id = t.client_order_id
            WHERE o.created_at >= $1 AND o.created_at < $2 GROUP BY 1
            """, from, to)).ToDictionary(r => (string)r[0]!, r => (decimal)r[1]!, StringComparer.Ordinal);
        return Find(signals, decisions, brackets, orders, traded);
    }
}
