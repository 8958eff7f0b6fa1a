using Tradewire.Dispatcher.Domain.Outcomes;

namespace Tradewire.Dispatcher.Http;

/// <summary>
/// Reads one trading date's rows of <c>outcomes</c>, each with the rule of its recommendation
/// (<c>dispatch_recommendations.reason->>'rule'</c>; null when that row is gone). The same query serves the
/// dispatcher's <c>GET /outcomes</c> and the operator tool's summary, so both count the same rows.
/// </summary>
public static class OutcomeQuery
{
    /// <summary>Parameter $1: the trading date (<see cref="DateOnly"/>). Rows in decision order.</summary>
    public const string Sql = """
        SELECT o.recommendation_id, o.kind, o.execution_id, o.ticker, o.action, o.side, r.reason->>'rule', o.decision_minute,
               o.skip_reason, o.base_close, o.fwd_ret_1m, o.fwd_ret_5m, o.fwd_ret_15m, o.fwd_ret_60m, o.levels_source,
               o.entry_price, o.stop_price, o.target_price, o.first_hit, o.first_hit_minute, o.same_bar_ambiguous,
               o.mae, o.mfe, o.mae_r, o.mfe_r, o.regime, o.null_reasons::text
        FROM outcomes o LEFT JOIN dispatch_recommendations r ON r.id = o.recommendation_id
        WHERE o.trading_date = $1
        ORDER BY o.decision_minute, o.recommendation_id
        """;

    /// <summary>The labelling run of the date (<c>outcome_runs</c>): how many decisions it labelled and when. Parameter $1: the date.</summary>
    public const string RunSql = "SELECT labelled, ran_at FROM outcome_runs WHERE trading_date = $1";

    /// <summary>One row of <see cref="Sql"/>, its values as the data reader gives them (null for SQL NULL).</summary>
    public static OutcomeRecord Record(object?[] r) => new(
        (long)r[0]!, (string)r[1]!, r[2] as Guid?, (string)r[3]!, (string)r[4]!, (string)r[5]!, r[6] as string, Utc(r[7])!.Value,
        r[8] as string, r[9] as decimal?,
        new Dictionary<int, decimal?> { [1] = r[10] as decimal?, [5] = r[11] as decimal?, [15] = r[12] as decimal?, [60] = r[13] as decimal? },
        (string)r[14]!, r[15] as decimal?, r[16] as decimal?, r[17] as decimal?, r[18] as string, Utc(r[19]), (bool)r[20]!,
        r[21] as decimal?, r[22] as decimal?, r[23] as decimal?, r[24] as decimal?, r[25] as string, (string)r[26]!);

    /// <summary>A timestamptz value: Npgsql reads it as a UTC <see cref="DateTime"/>.</summary>
    public static DateTimeOffset? Utc(object? value) => value switch
    {
        DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
        DateTimeOffset o => o.ToUniversalTime(),
        _ => null,
    };
}
