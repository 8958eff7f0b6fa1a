namespace Tradewire.FakeVenue;

/// <summary>
/// Where an order fills against one bar, or null when the bar does not reach it. A gap through the price fills at
/// the open (the first price traded), otherwise at the order's own price: no slippage beyond the gap.
/// </summary>
internal static class FillRules
{
    public static decimal? Price(VenueOrder o, FakeBar bar) => (o.Type, o.Side) switch
    {
        ("market", _) => bar.Open,
        ("stop", "sell") when bar.Low <= o.StopPrice => Math.Min(bar.Open, o.StopPrice.Value),
        ("stop", "buy") when bar.High >= o.StopPrice => Math.Max(bar.Open, o.StopPrice.Value),
        ("limit", "sell") when bar.High >= o.LimitPrice => Math.Max(bar.Open, o.LimitPrice.Value),
        ("limit", "buy") when bar.Low <= o.LimitPrice => Math.Min(bar.Open, o.LimitPrice.Value),
        // A stop-limit elected by the stop becomes a limit order: it fills at the stop (or the gapped open) within its limit.
        ("stop_limit", "sell") when bar.Low <= o.StopPrice && bar.High >= o.LimitPrice => Math.Max(Math.Min(bar.Open, o.StopPrice.Value), o.LimitPrice.Value),
        ("stop_limit", "buy") when bar.High >= o.StopPrice && bar.Low <= o.LimitPrice => Math.Min(Math.Max(bar.Open, o.StopPrice.Value), o.LimitPrice.Value),
        _ => null,
    };
}
