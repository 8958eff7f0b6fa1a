namespace Tradewire.BrokerGateway.Venue;

/// <summary>An order as the venue reports it: <paramref name="Open"/> while it can still fill.</summary>
public sealed record VenueOrderView(string ClientOrderId, string Symbol, string Side, decimal Qty, decimal FilledQty, string Status, bool Open);
