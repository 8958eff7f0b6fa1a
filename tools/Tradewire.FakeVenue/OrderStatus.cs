namespace Tradewire.FakeVenue;

/// <summary>
/// Alpaca's status values the venue uses (trading/orders.md, "Order Lifecycle"). <see cref="PartiallyFilled"/> comes
/// only from partial fills the driver arms; a day order open at the close ends <see cref="Expired"/>. A cancel or a replace is asynchronous: the order waits in
/// <see cref="PendingCancel"/> or <see cref="PendingReplace"/> (where it can still fill) until the venue completes it a
/// moment later. The stop leg of an OCO pair waits <see cref="Held"/> while its take-profit parent works.
/// </summary>
internal static class OrderStatus
{
    public const string New = "new";
    public const string PartiallyFilled = "partially_filled";
    public const string Held = "held";
    public const string PendingNew = "pending_new";
    public const string PendingCancel = "pending_cancel";
    public const string PendingReplace = "pending_replace";
    public const string Filled = "filled";
    public const string Canceled = "canceled";
    public const string Replaced = "replaced";
    public const string Rejected = "rejected";
    public const string Expired = "expired";
}
