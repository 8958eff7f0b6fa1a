namespace Tradewire.BrokerGateway.Venue;

/// <summary>A venue read: its value, or why there is none (<see cref="Error"/> set). Never both.</summary>
public sealed record VenueAnswer<T>(T? Value, string? Error)
{
    public bool Answered => Error is null;

    public static VenueAnswer<T> Ok(T value) => new(value, null);

    public static VenueAnswer<T> Failed(string error) => new(default, error);
}
