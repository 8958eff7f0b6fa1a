using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tradewire.Contracts;

/// <summary>
/// JSON of a contract enum: its word only, never its number, so a reader never takes <c>1</c> for a side and a
/// renumbered enum cannot change what a message means. The word is the member's name in upper snake case
/// (<c>BuyStock</c> is <c>BUY_STOCK</c>), the same rule <see cref="Wire"/> spells enums by everywhere else; a member
/// whose word must differ says so with <see cref="JsonStringEnumMemberNameAttribute"/>, which both honour.
/// </summary>
public sealed class WireWords<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false)
    where TEnum : struct, Enum;
