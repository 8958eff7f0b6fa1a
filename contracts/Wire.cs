using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tradewire.Contracts;

/// <summary>
/// The one spelling of an enum outside C#: the word its <see cref="JsonStringEnumMemberNameAttribute"/> gives, or
/// else its name in upper snake case (<c>BuyStock</c> is <c>BUY_STOCK</c>), as messages carry it and database
/// columns store it. A word that names no member is refused with the words that do.
/// </summary>
public static class Wire
{
    static readonly ConcurrentDictionary<Type, Words> Tables = new();

    public static string Name<T>(T value) where T : struct, Enum => Name((Enum)value);

    /// <summary>The word of an enum value whose type is known only at run time (a query parameter).</summary>
    public static string Name(Enum value) =>
        Table(value.GetType()).ByValue.TryGetValue(value, out var word) ? word
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{value.GetType().Name} has no member {value}");

    public static T Parse<T>(string word) where T : struct, Enum =>
        TryParse<T>(word, out var value) ? value
            : throw new FormatException($"'{word}' is not a {typeof(T).Name}: expected one of {string.Join(", ", All<T>())}");

    public static bool TryParse<T>(string? word, out T value) where T : struct, Enum
    {
        var found = Table(typeof(T)).ByWord.TryGetValue(word ?? "", out var member);
        value = found ? (T)member! : default;
        return found;
    }

    /// <summary>Every word of the enum, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Table(typeof(T)).InOrder;

    static Words Table(Type type) => Tables.GetOrAdd(type, static t =>
    {
        var members = t.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (Value: (Enum)f.GetValue(null)!, Word: f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                ?? JsonNamingPolicy.SnakeCaseUpper.ConvertName(f.Name)))
            .ToList();
        // Ordinal: the words are exact, as the database compares them.
        return new Words(members.ToDictionary(m => m.Value, m => m.Word), members.ToDictionary(m => m.Word, m => m.Value, StringComparer.Ordinal),
            [.. members.Select(m => m.Word)]);
    });

    sealed record Words(Dictionary<Enum, string> ByValue, Dictionary<string, Enum> ByWord, IReadOnlyList<string> InOrder);
}
