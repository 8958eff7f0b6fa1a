using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tradewire.BrokerGateway.Broker.Alpaca;

/// <summary>
/// The parts of Alpaca's Trading API v2 JSON the adapter reads and writes. Alpaca sends quantities and prices as
/// strings ("qty":"10"); they are read and written as strings into decimals, never through a double.
/// </summary>
static class AlpacaWire
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>An order object as Alpaca returns it (only the fields the adapter needs).</summary>
sealed record AlpacaOrder
{
    public required string Id { get; init; }
    public required string ClientOrderId { get; init; }
    public string Symbol { get; init; } = "";
    public string Status { get; init; } = "";
    public string Type { get; init; } = "";
    public string Side { get; init; } = "";
    public string? OrderClass { get; init; }
    public decimal? Qty { get; init; }
    public decimal FilledQty { get; init; }
    public decimal? FilledAvgPrice { get; init; }
    public decimal? StopPrice { get; init; }
    public decimal? LimitPrice { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? FilledAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public string? ReplacedBy { get; init; }
    public IReadOnlyList<AlpacaOrder>? Legs { get; init; }

    /// <summary>Alpaca's statuses folded into the ledger's four: everything not final is still working.</summary>
    public Domain.OrderStatus LedgerStatus => Status switch
    {
        "filled" => Domain.OrderStatus.Filled,
        "canceled" or "expired" or "done_for_day" or "replaced" => Domain.OrderStatus.Cancelled,
        "rejected" or "suspended" => Domain.OrderStatus.Rejected,
        _ => Domain.OrderStatus.Working,
    };
}

/// <summary>POST /v2/orders. Null fields are left out.</summary>
sealed record AlpacaNewOrder
{
    public required string Symbol { get; init; }
    public required decimal Qty { get; init; }
    public required string Side { get; init; }
    public required string Type { get; init; }
    public required string TimeInForce { get; init; }
    public required string ClientOrderId { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }
    public string? OrderClass { get; init; }
    public AlpacaPrice? TakeProfit { get; init; }
    public AlpacaPrice? StopLoss { get; init; }
}

sealed record AlpacaPrice(decimal? LimitPrice = null, decimal? StopPrice = null);

/// <summary>PATCH /v2/orders/{id}: the replacement's new total quantity and/or stop price.</summary>
sealed record AlpacaReplace(decimal? Qty, decimal? StopPrice);

/// <summary>Alpaca's error body.</summary>
sealed record AlpacaError(int Code, string Message)
{
    /// <summary>A malformed request, and the duplicate client_order_id refusal among them.</summary>
    public const int Malformed = 40010001;
}
