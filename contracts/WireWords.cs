using System.Text.Json.Serialization;

namespace Tradewire.Contracts;

/// <summary>
/// JSON of a contract enum: its word only (<see cref="JsonStringEnumMemberNameAttribute"/>), never its number, so a
/// reader never takes <c>1</c> for a side and a renumbered enum cannot change what a message means.
/// </summary>
public sealed class WireWords<TEnum>() : JsonStringEnumConverter<TEnum>(namingPolicy: null, allowIntegerValues: false)
    where TEnum : struct, Enum;
