using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Tradewire.ServiceDefaults.Tests.Contracts;

/// <summary>
/// Pins the JSON of every published message contract, as the bus writes it. Services of different versions read
/// each other's messages, so a renamed property, a changed value's spelling (a string turned enum written as a
/// number) or a removed contract breaks a running system: such a change needs a new contract version instead.
/// To pin a NEW contract, run this class once with <c>TRADEWIRE_PIN_CONTRACTS=1</c> and commit the file it writes
/// in <c>Contracts/Pinned</c>; an existing pin is never rewritten.
/// </summary>
public sealed class When_contracts_are_serialized
{
    public static TheoryData<string> Contracts() => [.. ContractSamples.ContractTypes().Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Should_write_the_pinned_json(string contract)
    {
        var type = ContractSamples.ContractTypes().Single(t => t.FullName == contract);
        var json = ContractSamples.Json(type);
        var pin = PinFile(contract);
        if (!File.Exists(pin) && Environment.GetEnvironmentVariable("TRADEWIRE_PIN_CONTRACTS") == "1")
            File.WriteAllText(pin, json + "\n");
        Assert.True(File.Exists(pin), $"{contract} has no pinned JSON: run this test with TRADEWIRE_PIN_CONTRACTS=1 and commit {pin}");
        Assert.Equal(File.ReadAllText(pin).TrimEnd('\n'), json);
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Should_read_the_pinned_json_back_unchanged(string contract)
    {
        var type = ContractSamples.ContractTypes().Single(t => t.FullName == contract);
        var pinned = File.ReadAllText(PinFile(contract)).TrimEnd('\n');
        var read = JsonSerializer.Deserialize(pinned, type, ContractSamples.Options);
        Assert.Equal(pinned, JsonSerializer.SerializeToNode(read, type, ContractSamples.Options)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    [Fact]
    public void Should_still_have_every_pinned_contract()
    {
        var contracts = ContractSamples.ContractTypes().Select(t => t.FullName!).ToHashSet();
        var pinned = Directory.GetFiles(PinDirectory(), "*.json").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.NotEmpty(pinned);
        Assert.All(pinned, p => Assert.True(contracts.Contains(p!), $"the published contract {p} is gone: keep it, or version it"));
    }

    static string PinFile(string contract) => Path.Combine(PinDirectory(), contract + ".json");

    static string PinDirectory([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Pinned");
}
