using System.Text.Json.Nodes;

namespace Tradewire.Dashboard.Live;

/// <summary>
/// One push to the page: the channel (<c>signals</c>, <c>decisions</c>, <c>orders</c>, <c>risk</c>, <c>events</c>),
/// what happened (<see cref="Kind"/>, e.g. <c>signal</c>, <c>fill</c>, <c>bracket_closed</c>) and the event as JSON.
/// </summary>
public sealed record LiveMessage(string Channel, string Kind, JsonNode Data);
