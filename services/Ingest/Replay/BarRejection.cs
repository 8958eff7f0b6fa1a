namespace Tradewire.Ingest.Replay;

/// <summary>Why a bar was refused (stable codes, stored in <c>ingest_rejections.reason_code</c>).</summary>
public static class BarRejection
{
    public const string MalformedLine = "MALFORMED_LINE";
    public const string UnknownSymbol = "UNKNOWN_SYMBOL";
    public const string BadTime = "BAD_TIME";
    public const string NotANumber = "NOT_A_NUMBER";
    public const string NonPositivePrice = "NON_POSITIVE_PRICE";
    public const string HighBelowLow = "HIGH_BELOW_LOW";
    public const string OhlcInconsistent = "OHLC_INCONSISTENT";
    public const string NegativeVolume = "NEGATIVE_VOLUME";
    public const string OutsideSession = "OUTSIDE_SESSION";
    public const string DuplicateBar = "DUPLICATE_BAR";
    public const string OutOfOrderBar = "OUT_OF_ORDER_BAR";

    /// <summary>A live bar for a minute ingest already closed and published: kept in <c>late_bars</c>, never re-deciding it.</summary>
    public const string MinuteAlreadyClosed = "MINUTE_ALREADY_CLOSED";
}

/// <summary>The validator's verdict on one line: a bar, or a reason code with a human-readable detail.</summary>
public sealed record BarVerdict(Contracts.Market.Bar? Bar, string? ReasonCode, string? Detail)
{
    public bool Accepted => Bar is not null;
    public static BarVerdict Accept(Contracts.Market.Bar bar) => new(bar, null, null);
    public static BarVerdict Reject(string code, string detail) => new(null, code, detail);
}
