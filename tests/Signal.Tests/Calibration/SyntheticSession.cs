using Tradewire.Contracts.Features;
using Tradewire.Contracts.News;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Signal.Tests.Calibration;

/// <summary>A generated session: every minute's features and classified news, in market-time order.</summary>
public sealed record SyntheticSession(TradingSession Session, IReadOnlyList<SyntheticMinute> Minutes);

/// <summary>One minute of a generated session.</summary>
public sealed record SyntheticMinute(DateTimeOffset Minute, FeaturesComputed Features, NewsClassified News);
