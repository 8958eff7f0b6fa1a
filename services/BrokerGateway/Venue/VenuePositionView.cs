namespace Tradewire.BrokerGateway.Venue;

/// <summary>A position as the venue reports it: signed quantity, negative for a short.</summary>
public sealed record VenuePositionView(string Symbol, decimal Qty);
