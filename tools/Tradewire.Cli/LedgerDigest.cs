using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tradewire.Cli;

/// <summary>
/// A hash of a session's trading ledger: executions, orders, trades and positions, each row reduced to its
/// deterministic identity (market times, prices, quantities, roles, statuses), without wall-clock timestamps or
/// generated surrogate keys. Two replays of one session must give the same digest, whatever crashed in between.
/// </summary>
public static class LedgerDigest
{
    static readonly (string Service, string Name, string Sql)[] Parts =
    [
        ("dispatcher", "executions", """
            SELECT ticker, action, decision_ts, entry_price, qty, notional, stop_loss_price, take_profit_price, max_hold_minutes, confidence
            FROM dispatch_executions ORDER BY decision_ts, ticker, action
            """),
        ("dispatcher", "recommendations", """
            SELECT signal_key, status, risk_gate_json::text FROM dispatch_recommendations ORDER BY signal_key
            """),
        ("broker-gateway", "orders", """
            SELECT o.ticker, o.leg_role, o.side, o.qty, o.filled_qty, o.avg_fill_price, o.type, o.limit_price, o.stop_price, o.status, o.created_at, b.decision_ts
            FROM orders o JOIN brackets b USING (execution_id) ORDER BY b.decision_ts, o.ticker, o.leg_role, o.created_at
            """),
        ("broker-gateway", "trades", """
            SELECT t.ticker, o.leg_role, t.side, t.qty, t.price, t.filled_at
            FROM trades t JOIN orders o USING (client_order_id) ORDER BY t.filled_at, t.ticker, o.leg_role, t.qty, t.price
            """),
        ("broker-gateway", "positions", "SELECT ticker, qty, avg_price, realized_pnl FROM positions ORDER BY ticker"),
    ];

    /// <summary>One table's share: its row count, hash, and the canonical rows hashed (to show what differs).</summary>
    public sealed record Part(string Name, long Rows, string Sha256, string Text)
    {
        /// <summary>The first row that differs from <paramref name="other"/>'s, both sides, or null when equal.</summary>
        public string? FirstDifference(Part other)
        {
            var mine = Text.Split('\n');
            var theirs = other.Text.Split('\n');
            for (var i = 0; i < Math.Max(mine.Length, theirs.Length); i++)
            {
                var a = i < mine.Length ? mine[i] : "(none)";
                var b = i < theirs.Length ? theirs[i] : "(none)";
                if (a != b)
                    return $"{Name} row {i + 1}: {a} vs {b}";
            }
            return null;
        }
    }

    public static async Task<(string Digest, IReadOnlyList<Part> Parts)> Compute(Func<string, Db> db)
    {
        var parts = new List<Part>();
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (service, name, sql) in Parts)
        {
            var rows = await db(service).Rows(sql);
            var text = new StringBuilder();
            foreach (var row in rows)
                text.AppendJoin('|', row.Select(Canonical)).Append('\n');
            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            all.AppendData(bytes);
            parts.Add(new Part(name, rows.Count, Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), text.ToString()));
        }
        return (Convert.ToHexString(all.GetHashAndReset()).ToLowerInvariant(), parts);
    }

    // numeric(…) values print without trailing zeros so a scale difference is not a ledger difference.
    static string Canonical(object? value) => value switch
    {
        null => "∅",
        decimal d => d.ToString("0.############", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
