using Tradewire.BrokerGateway.Broker;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts;

namespace Tradewire.BrokerGateway.Mode;

/// <summary>
/// The rules of the LIVE gate, without I/O. PAPER is always allowed. LIVE needs the exact confirmation phrase,
/// a venue URL and a live key pair that is not the paper account's, the kill switch released, and a book with no
/// open position and no working PAPER order: a PAPER position must never be managed by the venue adapter, and a
/// LIVE book must not start with exposure the venue does not hold. The operator token is checked before any of this
/// (401). Each rule has its own reason code, checked in the order below.
/// </summary>
public static class ModeGuard
{
    public const string ConfirmPhrase = "CONFIRM LIVE TRADING";

    /// <summary>The request's own problems (400): an unknown mode, or LIVE without the exact phrase.</summary>
    public static ModeRefusal? CheckRequest(ModeRequest? request)
    {
        if (request is not { Mode: { Length: > 0 } word })
            return new("MODE_REQUIRED", "Body must be JSON {\"mode\": \"PAPER\"} or {\"mode\": \"LIVE\", \"confirm\": \"" + ConfirmPhrase + "\"}.", 400);
        if (!Wire.TryParse<ExecutionMode>(word, out var mode))
            return new("MODE_INVALID", $"mode must be PAPER or LIVE, not '{word}'.", 400);
        if (mode == ExecutionMode.Live && !string.Equals(request.Confirm, ConfirmPhrase, StringComparison.Ordinal))
            return new("CONFIRM_PHRASE_MISMATCH", $"A switch to LIVE needs \"confirm\": \"{ConfirmPhrase}\", exactly.", 400);
        return null;
    }

    /// <summary>The gateway's problems with going LIVE now (409), or null when it may.</summary>
    public static ModeRefusal? CheckLive(BrokerOptions options, bool killSwitchEngaged, long openPositions, long workingPaperOrders)
    {
        var venue = options.LiveProblems().ToList();
        if (venue.FirstOrDefault(p => p.StartsWith("Broker:Alpaca:BaseUrl", StringComparison.Ordinal)) is { } url)
            return new("LIVE_VENUE_NOT_CONFIGURED", url);
        if (string.IsNullOrWhiteSpace(options.Alpaca.KeyId) || string.IsNullOrWhiteSpace(options.Alpaca.SecretKey))
            return new("LIVE_KEYS_MISSING", "Broker__Alpaca__KeyId and Broker__Alpaca__SecretKey (the live key pair) are not set.");
        if (options.UsesPaperKeys)
            return new("LIVE_KEYS_SAME_AS_PAPER", "The live key id is the paper account's (Broker:PaperKeyId / APCA_API_KEY_ID); LIVE needs a key pair of its own.");
        if (venue.Count > 0)
            return new("LIVE_VENUE_NOT_CONFIGURED", string.Join("; ", venue));
        if (killSwitchEngaged)
            return new("KILL_SWITCH_ENGAGED", "KILL_SWITCH is set: release it before going LIVE.");
        if (openPositions > 0)
            return new("OPEN_PAPER_POSITIONS", $"{openPositions} PAPER position(s) are open: flatten first (POST /flatten), then switch.");
        if (workingPaperOrders > 0)
            return new("OPEN_PAPER_ORDERS", $"{workingPaperOrders} PAPER order(s) are working: flatten first (POST /flatten), then switch.");
        return null;
    }
}
