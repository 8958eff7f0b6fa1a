namespace Tradewire.Ingest.Live.Alpaca;

/// <summary>One message of a stream frame, as <see cref="AlpacaFrameParser"/> read it.</summary>
internal abstract record StreamMessage
{
    /// <summary><c>{"T":"success","msg":...}</c>: <c>connected</c> or <c>authenticated</c>.</summary>
    public sealed record Success(string Msg) : StreamMessage;

    /// <summary><c>{"T":"error","code":...,"msg":...}</c>.</summary>
    public sealed record Error(int Code, string Msg) : StreamMessage;

    /// <summary><c>{"T":"subscription",...}</c>: the whole list of subscriptions.</summary>
    public sealed record Subscription(IReadOnlyList<string> Bars) : StreamMessage;

    /// <summary>A minute bar (<c>b</c>) or updated bar (<c>u</c>).</summary>
    public sealed record Bar(FeedBar Value) : StreamMessage;

    /// <summary>A message of a type we did not subscribe to (trades, quotes, statuses...): skipped.</summary>
    public sealed record Other(string Type) : StreamMessage;

    /// <summary>Something that breaks the documented shape: logged, never yielded, never fatal.</summary>
    public sealed record Malformed(string Reason) : StreamMessage;
}
