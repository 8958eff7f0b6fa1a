using Tradewire.Contracts.Signals;

namespace Tradewire.Dispatcher.Domain;

/// <summary>
/// A claimed recommendation: the signal engine's <see cref="Recommendation"/> exactly as it was published, stored
/// in <c>dispatch_recommendations</c> under the row id <see cref="Id"/>. One record for both, so what the dispatcher
/// decides on cannot drift from what the signal engine sent.
/// </summary>
public sealed record DispatchCandidate(long Id, Recommendation Recommendation);
