using MassTransit;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Signals;
using Tradewire.Contracts;

namespace Tradewire.Cli.Drill;

/// <summary>
/// The "after the duplicate window" drill: forget the broker-gateway's inbox (as its cleanup would after the
/// window), then send every executed bracket's <see cref="PlaceBracketOrder"/> again with new message ids.
/// Only the business keys (execution id, <c>client_order_id</c>) may stop a second order now.
/// </summary>
public static class Redelivery
{
    public static async Task<int> ResendAllOrders(InfraEnvironment infra, ReplayProgress progress)
    {
        await progress.For("broker-gateway").Rows("DELETE FROM \"InboxState\" RETURNING 1");
        var rows = await progress.For("dispatcher").Rows("""
            SELECT execution_id, recommendation_id, ticker, side, action, instrument_type, qty, entry_price, stop_loss_price,
                   take_profit_price, max_hold_minutes, decision_ts, signal_ts, confidence, config_sha, execution_mode
            FROM dispatch_executions ORDER BY decision_ts, execution_id
            """);
        var bus = Bus.Factory.CreateUsingRabbitMq(infra.ConfigureRabbitHost);
        await bus.StartAsync();
        try
        {
            var endpoint = await bus.GetSendEndpoint(new Uri("queue:broker-gateway-place-bracket-order"));
            foreach (var r in rows)
                await endpoint.Send(new PlaceBracketOrder
                {
                    ExecutionId = (Guid)r[0]!, RecommendationId = (long)r[1]!, Ticker = (string)r[2]!, Side = Wire.Parse<OrderSide>((string)r[3]!), Action = Wire.Parse<TradeAction>((string)r[4]!),
                    InstrumentType = Wire.Parse<InstrumentType>((string)r[5]!), Qty = (decimal)r[6]!, EntryPrice = (decimal)r[7]!, StopLossPrice = (decimal)r[8]!,
                    TakeProfitPrice = (decimal)r[9]!, MaxHoldMinutes = (int)r[10]!, DecisionTs = (DateTime)r[11]!, SignalTs = (DateTime)r[12]!,
                    Confidence = (decimal)r[13]!, ConfigSha = (string)r[14]!, ExecutionMode = Wire.Parse<ExecutionMode>((string)r[15]!),
                });
        }
        finally
        {
            await bus.StopAsync();
        }
        return rows.Count;
    }
}
