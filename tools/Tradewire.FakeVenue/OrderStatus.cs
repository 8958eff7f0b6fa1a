namespace Tradewire.FakeVenue;

/// <summary>
/// Alpaca's status values the venue uses. Nothing produces <see cref="PartiallyFilled"/> (every fill is whole) or
/// <see cref="Rejected"/> (every refusal is a synchronous 4xx, no order is stored); they are named for the readers.
/// </summary>
internal static class OrderStatus
{
    public const string New = "new";
    public const string PartiallyFilled = "partially_filled";
    public const string Filled = "filled";
    public const string Canceled = "canceled";
    public const string Replaced = "replaced";
    public const string Rejected = "rejected";
}
