using Tradewire.Cli.Smoke;

namespace Tradewire.Integration.Tests.Smoke;

/// <summary>
/// The smoke test's "same plan generates same ids" query on PostgreSQL, over a throwaway <c>orders</c> table: the
/// ids a plan derives (an OCO pair placed again included) pass, every other id is reported.
/// </summary>
public sealed class When_the_id_rule_reads_the_orders
{
    const string Execution = "0a1b2c3d-0000-4000-8000-00000000abcd";
    const string N = "0a1b2c3d00004000800000000000abcd";

    [Fact]
    public async Task Should_accept_the_ids_of_an_oco_pair_placed_again_and_report_every_other()
    {
        var db = new Db(await LocalInfra.CreateDatabase("smokeids"));
        await db.Rows("""
            CREATE TABLE orders (client_order_id text PRIMARY KEY, execution_id uuid NOT NULL, leg_role text NOT NULL, oco_group text,
                                 created_at timestamptz NOT NULL DEFAULT now())
            """);
        (string Id, string Role, string? Group)[] derived =
        [
            ($"tw-{N}-ENTRY", "ENTRY", null), ($"tw-{N}-STOP", "STOP", $"oco-{N}"), ($"tw-{N}-TARGET", "TARGET", $"oco-{N}"),
            ($"tw-{N}-STOP-r1", "STOP", $"oco-{N}-r1"), ($"TW-{N}-TARGET-R1", "TARGET", $"oco-{N}-r1"), ($"tw-{N}-STOP-r12", "STOP", $"oco-{N}-r12"),
            ($"tw-{N}-EXIT", "EXIT", null),
        ];
        (string Id, string Role, string? Group)[] notDerived =
        [
            ($"tw-{N}-TARGET-r0", "TARGET", $"oco-{N}-r0"),   // re-placings count from 1
            ($"tw-{N}-STOP-r2", "STOP", $"oco-{N}-r1"),       // the id and its group name different re-placings
            ($"tw-{N}-TARGET-r3", "TARGET", $"oco-{N}"),
            ($"tw-{N}-ENTRY-r1", "ENTRY", null),              // only an OCO pair is placed again
            ($"tw-{N}-STOP-rx", "STOP", $"oco-{N}-rx"),
            ("tw-random-0001", "STOP", $"oco-{N}"),
        ];
        foreach (var (id, role, group) in derived.Concat(notDerived))
            await db.Rows("INSERT INTO orders (client_order_id, execution_id, leg_role, oco_group) VALUES ($1, $2, $3, $4)",
                id, Guid.Parse(Execution), role, (object?)group ?? DBNull.Value);

        var reported = (await db.Rows(SmokeCheck.OrdersNotDerivedFromTheirPlan)).Select(r => (string)r[0]!).Order(StringComparer.Ordinal);
        Assert.Equal(notDerived.Select(o => o.Id).Order(StringComparer.Ordinal), reported);
    }
}
