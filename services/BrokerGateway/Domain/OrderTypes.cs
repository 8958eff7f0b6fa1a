namespace Tradewire.BrokerGateway.Domain;

public enum OrderSide { Buy, Sell }

public enum LegRole { Entry, Stop, Target, Exit }

public enum OrderType { Market, Stop, Limit }

/// <summary>Order status; WORKING is the only non-terminal one.</summary>
public enum OrderStatus { Working, Filled, Cancelled, Rejected }

/// <summary>Upper-snake names as stored in the database and sent in messages.</summary>
public static class Names
{
    public static string Of<T>(T value) where T : struct, Enum =>
        System.Text.RegularExpressions.Regex.Replace(value.ToString(), "(?<=[a-z])([A-Z])", "_$1").ToUpperInvariant();

    public static T Parse<T>(string text) where T : struct, Enum =>
        Enum.Parse<T>(text.Replace("_", ""), ignoreCase: true);
}
