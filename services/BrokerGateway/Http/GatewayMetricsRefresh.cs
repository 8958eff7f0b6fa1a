using Microsoft.Extensions.Options;
using Tradewire.BrokerGateway.Persistence;
using Tradewire.BrokerGateway.Risk;
using Tradewire.Contracts.Risk;
using Tradewire.Contracts;
using Tradewire.ServiceDefaults.Metrics;

namespace Tradewire.BrokerGateway.Http;

/// <summary>Sets <see cref="GatewayMetrics"/> from the ledger at each scrape, from the same snapshot <c>/risk</c> reads.</summary>
sealed class GatewayMetricsRefresh(BrokerGatewayDbContext db, LedgerQueries ledger, GatewayMetrics m, IOptions<RiskLimits> limits) : IMetricsRefresh
{
    static readonly string[] OrderStatuses = ["WORKING", "FILLED", "CANCELLED", "REJECTED"];

    public Task Refresh(CancellationToken token) => ledger.InSnapshot(async () =>
    {
        var (book, picture) = await ledger.Picture();
        m.Set(picture, limits.Value.MaxPortfolioHeatFraction);
        foreach (var state in Enum.GetValues<TradingState>())
            m.State.WithLabels(Wire.Name(state)).Set(book.Status.State == state ? 1 : 0);
        m.Halted.Set(book.Status.State == TradingState.Halted ? 1 : 0);

        var byStatus = (await Sql.Query(db, "SELECT status, count(*) FROM orders GROUP BY status", r => (r.GetString(0), r.GetInt64(1))))
            .ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        foreach (var status in OrderStatuses.Union(byStatus.Keys))
            m.Orders.WithLabels(status).Set(byStatus.GetValueOrDefault(status));
        m.WorkingOrders.Set(byStatus.GetValueOrDefault("WORKING"));
        m.OpenBrackets.Set(await Count("SELECT count(*) FROM brackets WHERE state NOT IN ('CLOSED','REJECTED')"));
        m.Fills.IncTo(await Count("SELECT count(*) FROM trades"));
        m.RiskEvents.IncTo(await Count("SELECT count(*) FROM risk_events"));
        // A refused bracket is closed as REJECTED with exit_reason 'REJECTED:<reason code>'.
        foreach (var (reason, n) in await Sql.Query(db, """
                     SELECT coalesce(nullif(split_part(exit_reason, ':', 2), ''), 'UNKNOWN'), count(*) FROM brackets WHERE state = 'REJECTED' GROUP BY 1
                     """, r => (r.GetString(0), r.GetInt64(1))))
            m.Rejections.WithLabels(reason).IncTo(n);
        return true;
    });

    async Task<long> Count(string sql) => (await Sql.Query(db, sql, r => r.GetInt64(0))).Single();
}
