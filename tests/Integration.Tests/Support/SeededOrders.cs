namespace Tradewire.Integration.Tests.Support;

/// <summary>Defects seeded into the broker-gateway's orders by the operator-check tests, each with the SQL that removes it.</summary>
public static class SeededOrders
{
    /// <summary>A second row for an order under the same id in upper case: a duplicate for a broker that ignores case.</summary>
    public static (string Seed, string Remove) Duplicate(string id) => ($"""
        INSERT INTO orders (client_order_id, execution_id, parent_client_order_id, leg_role, oco_group, ticker, side, qty, filled_qty, avg_fill_price,
            type, limit_price, stop_price, status, config_sha, execution_mode, eligible_from, created_at)
        SELECT upper(client_order_id), execution_id, parent_client_order_id, leg_role, oco_group, ticker, side, qty, filled_qty, avg_fill_price,
            type, limit_price, stop_price, status, config_sha, execution_mode, eligible_from, created_at FROM orders WHERE client_order_id = '{id}'
        """, $"DELETE FROM orders WHERE client_order_id = upper('{id}')");
}
