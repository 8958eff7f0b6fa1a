namespace Tradewire.BrokerGateway.Mode;

/// <summary>
/// Body of <c>POST /mode</c>: <c>{"mode":"LIVE","confirm":"CONFIRM LIVE TRADING"}</c> or <c>{"mode":"PAPER"}</c>;
/// <c>actor</c> and <c>reason</c> are optional and stored with the switch.
/// </summary>
public sealed record ModeRequest(string? Mode, string? Confirm = null, string? Actor = null, string? Reason = null);
