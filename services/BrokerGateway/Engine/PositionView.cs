namespace Tradewire.BrokerGateway.Engine;

/// <summary>
/// One open position as the operator sees it (<c>/positions</c>): quantity (signed), average price, last mark,
/// open and booked P&amp;L (USD), the protecting stop and target of its latest open bracket, its open R multiple
/// (open P&amp;L per share over the planned risk per share), and whether working stops cover the whole quantity.
/// Unknown values (no mark, no bracket) are null.
/// </summary>
public sealed record PositionView(string Ticker, decimal Qty, decimal AvgPrice, decimal? LastPrice, decimal? UnrealizedPnl, decimal RealizedPnl,
    decimal? StopPrice, decimal? TargetPrice, decimal? OpenR, bool Protected, string? OcoGroup, DateTimeOffset UpdatedAt);
