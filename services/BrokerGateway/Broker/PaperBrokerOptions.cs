namespace Tradewire.BrokerGateway.Broker;

/// <summary>Paper fill model, section <c>PaperBroker</c>.</summary>
public sealed class PaperBrokerOptions
{
    /// <summary>Adverse slippage on market orders, basis points of the open.</summary>
    public decimal SlippageBps { get; set; } = 2m;

    /// <summary>Max share of a bar's volume a market entry may take in that bar (0.10 = 10%). Null or 0: no cap.</summary>
    public decimal? ParticipationCap { get; set; }
}
