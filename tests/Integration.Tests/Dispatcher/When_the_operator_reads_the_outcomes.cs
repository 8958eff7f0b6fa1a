using System.Net;
using Tradewire.Cli.Outcomes;

namespace Tradewire.Integration.Tests.Dispatcher;

/// <summary>
/// <c>GET /outcomes?date=</c> on a real dispatcher and its database, with labels seeded as the annotator writes
/// them: the date's rows with their rule, the summary, and the same summary printed by the operator tool.
/// </summary>
public sealed class When_the_operator_reads_the_outcomes
{
    static readonly DateOnly Day = new(2026, 12, 7);

    [Fact]
    public async Task Should_answer_the_dates_rows_and_summary_an_empty_date_with_no_rows_and_a_bad_date_with_400()
    {
        await using var host = await DispatcherHost.Start(TestService.NewName("disout"), null, "dispatcher-outcomes-unused", runLoop: false);
        var db = new Db(host.ConnectionString);
        await Seed(db);
        using var http = host.Http(withToken: false); // read-only: no operator token needed

        var body = await http.GetFromJsonAsync<JsonElement>("/outcomes?date=2026-12-07");
        Assert.Equal("2026-12-07", body.GetProperty("date").GetString());
        Assert.Equal(2, body.GetProperty("run").GetProperty("labelled").GetInt32());
        var rows = body.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([11L, 12L], rows.Select(r => r.GetProperty("recommendation_id").GetInt64()));
        Assert.Equal(["breakout", "news"], rows.Select(r => r.GetProperty("rule").GetString()));
        Assert.Equal(0.01m, rows[0].GetProperty("fwd_ret_1m").GetDecimal());
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("fwd_ret_60m").ValueKind);
        Assert.Equal("AFTER_CLOSE", rows[0].GetProperty("null_reasons").GetProperty("fwd_ret_60m").GetString());

        var summary = body.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("labelled").GetInt32());
        var kinds = summary.GetProperty("by_kind").EnumerateArray().ToList();
        Assert.Equal(["EXECUTION", "SKIPPED"], kinds.Select(k => k.GetProperty("kind").GetString()));
        Assert.Equal((1, 1m), (kinds[0].GetProperty("target").GetInt32(), kinds[0].GetProperty("hit_rate").GetDecimal()));
        Assert.Equal((1, 1, 0m), (kinds[1].GetProperty("stop").GetInt32(), kinds[1].GetProperty("same_bar").GetInt32(), kinds[1].GetProperty("hit_rate").GetDecimal()));
        var oneMinute = kinds[1].GetProperty("mean_returns")[0];
        Assert.Equal((1, -0.004m, 1), (oneMinute.GetProperty("minutes").GetInt32(), oneMinute.GetProperty("mean").GetDecimal(), oneMinute.GetProperty("n").GetInt32()));
        Assert.Equal(["EXECUTION/breakout", "SKIPPED/news"],
            summary.GetProperty("by_rule").EnumerateArray().Select(g => g.GetProperty("kind").GetString() + "/" + g.GetProperty("rule").GetString()));

        // The operator tool prints the same summary from the same rows.
        var lines = await OutcomeSummary.Lines(db, Day);
        Assert.Contains("outcomes 2026-12-07 execution: 1 labelled; first hit stop 0 / target 1 / neither 0 (0 same-bar, counted as stop); hit rate 100.0 %; " +
                        "mean forward return in the trade's direction: 1m +1.000 % (n=1), 5m n/a (n=0), 15m n/a (n=0), 60m n/a (n=0)", lines);
        Assert.Contains("outcomes 2026-12-07 skipped: 1 labelled; first hit stop 1 / target 0 / neither 0 (1 same-bar, counted as stop); hit rate 0.0 %; " +
                        "mean forward return in the trade's direction: 1m -0.400 % (n=1), 5m n/a (n=0), 15m n/a (n=0), 60m n/a (n=0)", lines);
        Assert.Contains("outcomes 2026-12-07 hit rate by rule: breakout execution 100.0 % of 1, news skipped 0.0 % of 1", lines);

        var empty = await http.GetFromJsonAsync<JsonElement>("/outcomes?date=2026-12-09");
        Assert.Equal("2026-12-09", empty.GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("run").ValueKind);
        Assert.Equal(0, empty.GetProperty("rows").GetArrayLength());
        Assert.Equal(0, empty.GetProperty("summary").GetProperty("labelled").GetInt32());

        foreach (var (query, message) in new[] { ("", "date is required"), ("?date=2026-02-30", "date '2026-02-30' is not a calendar date"), ("?date=12/07/2026", "date '12/07/2026' is not a calendar date") })
        {
            using var refused = await http.GetAsync("/outcomes" + query);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var error = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("bad_date", error.GetProperty("error").GetString());
            Assert.StartsWith(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    /// <summary>Two labelled decisions on <see cref="Day"/> (their recommendations carry the rule), one on the next day.</summary>
    static async Task Seed(Db db)
    {
        foreach (var (id, rule) in new[] { (11, "breakout"), (12, "news"), (13, "breakout") })
            await db.Rows($$"""
                INSERT INTO dispatch_recommendations (id, signal_key, ts, created_at, ticker, action, instrument_type, confidence, reason, close, bar_ts, feature_ts, recent_vol)
                OVERRIDING SYSTEM VALUE VALUES ({{id}}, 'K{{id}}', now(), now(), 'AAPL', 'BUY_STOCK', 'STOCK', 0.8, '{"rule": "{{rule}}"}', 100, now(), now(), 0.01)
                """);
        await db.Rows("""
            INSERT INTO outcomes (recommendation_id, trading_date, kind, execution_id, ticker, action, side, decision_minute, skip_reason,
                                  fwd_ret_1m, levels_source, first_hit, same_bar_ambiguous, window_end_minute, null_reasons)
            VALUES (11, '2026-12-07', 'EXECUTION', gen_random_uuid(), 'AAPL', 'BUY_STOCK', 'BUY', '2026-12-07 15:00Z', NULL,
                    0.01, 'EXECUTION', 'TARGET', false, '2026-12-07 19:00Z', '{"fwd_ret_60m": "AFTER_CLOSE"}'),
                   (12, '2026-12-07', 'SKIPPED', NULL, 'AAPL', 'SELL_STOCK', 'SELL', '2026-12-07 15:01Z', 'gate_failed:confidence',
                    0.004, 'RUN_CONFIG', 'STOP', true, '2026-12-07 19:01Z', '{}'),
                   (13, '2026-12-08', 'SKIPPED', NULL, 'AAPL', 'BUY_STOCK', 'BUY', '2026-12-08 15:00Z', 'gate_failed:confidence',
                    NULL, 'NONE', NULL, false, '2026-12-08 19:00Z', '{"first_hit": "NO_LEVELS"}')
            """);
        await db.Rows("INSERT INTO outcome_runs (trading_date, labelled, ran_at) VALUES ('2026-12-07', 2, '2026-12-07 21:30Z')");
    }
}
