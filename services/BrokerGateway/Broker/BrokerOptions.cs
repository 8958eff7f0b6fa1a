using Tradewire.BrokerGateway.Broker.Alpaca;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts;

namespace Tradewire.BrokerGateway.Broker;

/// <summary>Section <c>Broker</c>: which broker executes the gateway's brackets.</summary>
public sealed class BrokerOptions
{
    /// <summary>
    /// PAPER (default): the simulated broker on market time. LIVE: Alpaca's Trading API (<see cref="Alpaca"/>).
    /// Only brackets of the same execution mode are executed; the others are refused (EXECUTION_MODE_MISMATCH).
    /// The mode in force is the one stored in <c>trading_state</c> (changed by <c>POST /mode</c>); LIVE here is a
    /// request to switch at start-up through the same checks, and PAPER here never undoes a stored LIVE.
    /// </summary>
    public string Mode { get; set; } = "PAPER";

    /// <summary>The configured mode (valid once <see cref="Problems"/> found none).</summary>
    public ExecutionMode RequestedMode => Wire.Parse<ExecutionMode>(Mode);

    /// <summary>
    /// The key id of the Alpaca paper account, when there is one (the environment's <c>APCA_API_KEY_ID</c> of the
    /// paper set-up): a switch to LIVE is refused while the live key id is that one.
    /// </summary>
    public string? PaperKeyId { get; set; }

    public AlpacaOptions Alpaca { get; set; } = new();

    /// <summary>Every reason the options cannot run, or none (checked at start: a LIVE gateway without its venue must not start).</summary>
    public IEnumerable<string> Problems()
    {
        if (!Wire.TryParse<ExecutionMode>(Mode, out var mode))
            yield return $"Broker:Mode must be {string.Join(" or ", Wire.All<ExecutionMode>())}, not '{Mode}'";
        if (mode != ExecutionMode.Live)
            yield break;
        foreach (var problem in LiveProblems())
            yield return problem;
    }

    /// <summary>True when the live key id is the paper account's (configured and equal).</summary>
    public bool UsesPaperKeys => !string.IsNullOrWhiteSpace(PaperKeyId) && string.Equals(PaperKeyId.Trim(), Alpaca.KeyId?.Trim(), StringComparison.Ordinal);

    /// <summary>What keeps this gateway from trading LIVE (start-up with Mode LIVE, or a switch at runtime).</summary>
    public IEnumerable<string> LiveProblems()
    {
        if (!Uri.TryCreate(Alpaca.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return "Broker:Alpaca:BaseUrl must be an absolute http(s) URL in LIVE mode";
        if (string.IsNullOrWhiteSpace(Alpaca.KeyId) || string.IsNullOrWhiteSpace(Alpaca.SecretKey))
            yield return "Broker:Alpaca:KeyId and Broker:Alpaca:SecretKey must be set (environment only) in LIVE mode";
        else if (UsesPaperKeys)
            yield return "Broker:Alpaca:KeyId is the paper account's key (Broker:PaperKeyId / APCA_API_KEY_ID); LIVE needs a key pair of its own";
        if (Alpaca.Attempts is < 1 or > 10)
            yield return "Broker:Alpaca:Attempts must be between 1 and 10";
        if (Alpaca.RequestTimeout <= TimeSpan.Zero)
            yield return "Broker:Alpaca:RequestTimeout must be positive";
    }
}
