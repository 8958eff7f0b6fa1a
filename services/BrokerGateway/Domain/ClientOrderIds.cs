using Tradewire.Contracts;

namespace Tradewire.BrokerGateway.Domain;

/// <summary>
/// Deterministic order ids: <c>tw-{execution_id:N}-{ROLE}</c>. The same command always maps to the same ids,
/// so a redelivery, a replay or a retry after an unanswered submit can never create a second order at the broker.
/// </summary>
public static class ClientOrderIds
{
    public static string For(Guid executionId, LegRole role) => $"tw-{executionId:N}-{Wire.Name(role)}";
    public static string OcoGroup(Guid executionId) => $"oco-{executionId:N}";
}
