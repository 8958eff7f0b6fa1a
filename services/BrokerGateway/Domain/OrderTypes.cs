namespace Tradewire.BrokerGateway.Domain;

public enum LegRole { Entry, Stop, Target, Exit }

public enum OrderType { Market, Stop, Limit }

/// <summary>Order status; WORKING is the only non-terminal one.</summary>
public enum OrderStatus { Working, Filled, Cancelled, Rejected }
