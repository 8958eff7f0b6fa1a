-- Broker-gateway ledger reconciliation. Run against the broker_gateway database:
--   psql "$BROKER_GATEWAY_DB" -v ON_ERROR_STOP=1 -f scripts/reconcile_db.sql
-- Every query returns ZERO rows on a healthy ledger; each row names the defect in its first column.
-- Statements are separated by blank lines and end with ';' (the integration tests run them one by one).

-- 1. Orphan OCO sibling: a leg filled while its sibling is still working (not cancelled).
SELECT 'orphan_oco_sibling' AS check, f.client_order_id AS filled_leg, s.client_order_id AS sibling, s.status
FROM orders f JOIN orders s ON s.oco_group = f.oco_group AND s.client_order_id <> f.client_order_id
WHERE f.leg_role IN ('STOP','TARGET') AND s.leg_role IN ('STOP','TARGET')
  AND f.status = 'FILLED' AND s.status NOT IN ('CANCELLED','REJECTED','FILLED');

-- 2. Both legs of one OCO group filled (a double exit).
SELECT 'both_oco_legs_filled' AS check, oco_group, count(*) AS filled_legs
FROM orders WHERE leg_role IN ('STOP','TARGET') AND status = 'FILLED' AND oco_group IS NOT NULL
GROUP BY oco_group HAVING count(*) > 1;

-- 3. Duplicate client_order_id (the unique key should make this impossible; checked case-insensitively too).
SELECT 'duplicate_client_order_id' AS check, lower(client_order_id) AS client_order_id, count(*) AS n
FROM orders GROUP BY lower(client_order_id) HAVING count(*) > 1;

-- 4. Open position without an OCO group or without a working stop (or market exit) covering its quantity.
SELECT 'naked_position' AS check, p.ticker, p.qty, p.oco_group, coalesce(cover.qty, 0) AS covered_qty
FROM positions p
LEFT JOIN LATERAL (
    SELECT sum(o.qty - o.filled_qty) AS qty FROM orders o
    WHERE o.ticker = p.ticker AND o.status = 'WORKING' AND o.leg_role IN ('STOP','EXIT')
      AND o.side = CASE WHEN p.qty > 0 THEN 'SELL' ELSE 'BUY' END
) cover ON true
WHERE p.qty <> 0 AND (p.oco_group IS NULL OR coalesce(cover.qty, 0) < abs(p.qty));

-- 5. Orders without a config_sha.
SELECT 'order_without_config_sha' AS check, client_order_id FROM orders WHERE config_sha IS NULL OR config_sha = '';

-- 6. Incomplete chain: a trade without its order.
SELECT 'trade_without_order' AS check, t.trade_id, t.client_order_id
FROM trades t LEFT JOIN orders o ON o.client_order_id = t.client_order_id WHERE o.client_order_id IS NULL;

-- 7. Incomplete chain: an order without its bracket.
SELECT 'order_without_bracket' AS check, o.client_order_id, o.execution_id
FROM orders o LEFT JOIN brackets b ON b.execution_id = o.execution_id WHERE b.execution_id IS NULL;

-- 8. Incomplete chain: an order whose filled quantity disagrees with its trades.
SELECT 'order_fills_mismatch' AS check, o.client_order_id, o.filled_qty, coalesce(sum(t.qty), 0) AS traded
FROM orders o LEFT JOIN trades t ON t.client_order_id = o.client_order_id
GROUP BY o.client_order_id, o.filled_qty HAVING o.filled_qty <> coalesce(sum(t.qty), 0);

-- 9. A closed or rejected bracket that still has a working order.
SELECT 'closed_bracket_with_working_order' AS check, b.execution_id, o.client_order_id
FROM brackets b JOIN orders o ON o.execution_id = b.execution_id
WHERE b.state IN ('CLOSED','REJECTED') AND o.status = 'WORKING';

-- 10. A rejected or never-filled bracket that has children (entry cancelled/rejected => no children ever).
SELECT 'children_without_entry_fill' AS check, o.client_order_id
FROM orders o JOIN orders e ON e.client_order_id = o.parent_client_order_id
WHERE o.leg_role IN ('STOP','TARGET') AND e.filled_qty = 0;

-- 11. A bracket whose saga (bracket_sagas, the lifecycle's authority) is missing or disagrees with brackets.state.
SELECT 'bracket_saga_mismatch' AS check, b.execution_id, b.state, s.current_state
FROM brackets b LEFT JOIN bracket_sagas s ON s.correlation_id = b.execution_id
WHERE s.correlation_id IS NULL
   OR upper(regexp_replace(s.current_state, '([a-z])([A-Z])', '\1_\2', 'g')) <> b.state;

-- 12. Risk events not logged: a bracket the risk checks refused (rejected before any order was sent; a broker
--     rejection has its rejected entry order) without a risk event naming it.
SELECT 'risk_rejection_without_event' AS check, b.execution_id, b.ticker, b.exit_reason
FROM brackets b WHERE b.state = 'REJECTED'
  AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.execution_id = b.execution_id)
  AND NOT EXISTS (SELECT 1 FROM risk_events e WHERE e.execution_id = b.execution_id);
