using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Live;

/// <summary>Runs one trading session from the live feed until its last minute is published (<see cref="LiveSessionFactory"/>).</summary>
public interface ILiveSessions
{
    Task Run(TradingSession session, CancellationToken token);
}
