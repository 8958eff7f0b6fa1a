using Tradewire.BrokerGateway.Broker.Alpaca;

namespace Tradewire.BrokerGateway.Broker;

/// <summary>Section <c>Broker</c>: which broker executes the gateway's brackets.</summary>
public sealed class BrokerOptions
{
    public const string Paper = "PAPER", Live = "LIVE";

    /// <summary>
    /// PAPER (default): the simulated broker on market time. LIVE: Alpaca's Trading API (<see cref="Alpaca"/>).
    /// Only brackets of the same execution mode are executed; the others are refused (EXECUTION_MODE_MISMATCH).
    /// </summary>
    public string Mode { get; set; } = Paper;

    public AlpacaOptions Alpaca { get; set; } = new();

    /// <summary>Every reason the options cannot run, or none (checked at start: a LIVE gateway without its venue must not start).</summary>
    public IEnumerable<string> Problems()
    {
        if (Mode is not (Paper or Live))
            yield return $"Broker:Mode must be {Paper} or {Live}, not '{Mode}'";
        if (Mode != Live)
            yield break;
        if (!Uri.TryCreate(Alpaca.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return "Broker:Alpaca:BaseUrl must be an absolute http(s) URL in LIVE mode";
        if (string.IsNullOrWhiteSpace(Alpaca.KeyId) || string.IsNullOrWhiteSpace(Alpaca.SecretKey))
            yield return "Broker:Alpaca:KeyId and Broker:Alpaca:SecretKey must be set (environment only) in LIVE mode";
        if (Alpaca.Attempts is < 1 or > 10)
            yield return "Broker:Alpaca:Attempts must be between 1 and 10";
        if (Alpaca.RequestTimeout <= TimeSpan.Zero)
            yield return "Broker:Alpaca:RequestTimeout must be positive";
    }
}
