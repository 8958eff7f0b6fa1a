using System.Collections;
using System.Reflection;
using System.Text.Json;
using MassTransit.Serialization;

namespace Tradewire.ServiceDefaults.Tests.Contracts;

/// <summary>
/// Builds one filled-in instance of every message contract, the same on every run, and its JSON as the bus writes
/// it (MassTransit's System.Text.Json options). Values come from the property's name where the domain gives it a
/// fixed vocabulary (a side is <c>BUY</c>, a mode <c>PAPER</c>), otherwise from its type. A property that becomes an
/// enum gets the same word parsed through the bus's serializer, so the pin below proves the enum is written as the
/// string it replaced.
/// </summary>
static class ContractSamples
{
    /// <summary>Words of the domain's fixed vocabularies, by "Contract.Property" first, then by property name.</summary>
    static readonly Dictionary<string, string> Words = new()
    {
        ["Side"] = "BUY",
        ["Action"] = "BUY_STOCK",
        ["InstrumentType"] = "STOCK",
        ["ExecutionMode"] = "PAPER",
        ["Mode"] = "LIVE",
        ["TradingModeChanged.Previous"] = "PAPER",
        ["State"] = "HALTED",
        ["TradingStateChanged.Previous"] = "ACTIVE",
        ["Severity"] = "CRITICAL",
        ["Status"] = "EXECUTED",
        ["LegRole"] = "STOP",
        ["ExitReason"] = "TARGET",
        ["Label"] = "bullish",
        ["ReasonCode"] = "MAX_NOTIONAL_EXCEEDED",
        ["SkipReason"] = "CONFIDENCE_BELOW_MIN",
    };

    static readonly DateTimeOffset At = new(2026, 11, 20, 14, 31, 0, TimeSpan.Zero);

    public static JsonSerializerOptions Options => SystemTextJsonMessageSerializer.Options;

    /// <summary>Every public record type of the contracts assembly that is a message or part of one.</summary>
    public static IEnumerable<Type> ContractTypes() =>
        typeof(Tradewire.Contracts.Execution.PlaceBracketOrder).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethod("<Clone>$") is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    /// <summary>The contract's sample as the bus serializes it, indented, properties in declaration order.</summary>
    public static string Json(Type type) =>
        JsonSerializer.SerializeToNode(Sample(type), type, Options)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    static object Sample(Type type)
    {
        var instance = Activator.CreateInstance(type)
            ?? throw new InvalidOperationException($"{type.Name} has no parameterless constructor");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            property.SetValue(instance, Value(property.PropertyType, $"{type.Name}.{property.Name}", property.Name));
        return instance;
    }

    static object? Value(Type type, string qualified, string name)
    {
        var word = Words.GetValueOrDefault(qualified) ?? Words.GetValueOrDefault(name);
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        if (word is not null && (inner == typeof(string) || inner.IsEnum))
            return JsonSerializer.Deserialize(JsonSerializer.Serialize(word), type, Options);
        if (inner == typeof(string))
            return name.EndsWith("Json", StringComparison.Ordinal) ? """{"rule":"sample"}""" : $"{name.ToLowerInvariant()}-1";
        if (inner == typeof(decimal)) return 181.3046m;
        if (inner == typeof(int)) return 7;
        if (inner == typeof(long)) return 42L;
        if (inner == typeof(double)) return 0.25;
        if (inner == typeof(bool)) return true;
        if (inner == typeof(Guid)) return new Guid("6f1c1b5e-2d7a-4c35-9a51-1f0e3b7c9d20");
        if (inner == typeof(DateTimeOffset)) return At;
        if (inner == typeof(DateOnly)) return DateOnly.FromDateTime(At.UtcDateTime);
        if (inner == typeof(TimeSpan)) return TimeSpan.FromMinutes(5);
        if (inner.IsEnum) return Enum.GetValues(inner).GetValue(0);
        if (inner.IsGenericType && inner.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            var args = inner.GetGenericArguments();
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(args))!;
            dictionary.Add(Value(args[0], qualified, "Key")!, Value(args[1], qualified, "Value"));
            return dictionary;
        }
        if (inner.IsGenericType && inner.GetGenericTypeDefinition() is var generic
            && (generic == typeof(IReadOnlyList<>) || generic == typeof(IReadOnlyCollection<>) || generic == typeof(IEnumerable<>)))
        {
            var element = inner.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(Value(element, qualified, name.TrimEnd('s')));
            return list;
        }
        if (inner.IsClass && inner.Namespace?.StartsWith("Tradewire.Contracts", StringComparison.Ordinal) == true)
            return Sample(inner);
        throw new NotSupportedException($"No sample value for {qualified} of type {type}: teach {nameof(ContractSamples)} this type.");
    }
}
