using System.Text.Json;
using MassTransit.Serialization;
using Tradewire.Contracts;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Signals;

namespace Tradewire.ServiceDefaults.Tests.Contracts;

/// <summary>
/// An enum has one spelling outside C#: the word messages carry and columns store. The bus writes it through the
/// enum's converter (<see cref="WireWords{TEnum}"/>) and the stores through <see cref="Wire"/>; these prove the
/// two agree for every contract enum, and that a word no member has is refused at the boundary instead of
/// becoming a default value.
/// </summary>
public sealed class When_an_enum_is_spelled
{
    enum LegState { EntryWorking, Closed }

    public static TheoryData<Type> ContractEnums() =>
        [.. typeof(PlaceBracketOrder).Assembly.GetExportedTypes().Where(t => t.IsEnum).OrderBy(t => t.FullName, StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ContractEnums))]
    public void Should_write_the_same_word_on_the_bus_and_in_the_database(Type type)
    {
        foreach (Enum value in Enum.GetValues(type))
        {
            var word = Wire.Name(value);
            Assert.Matches("^[A-Z]+(_[A-Z]+)*$", word);
            Assert.Equal($"\"{word}\"", JsonSerializer.Serialize(value, type, SystemTextJsonMessageSerializer.Options));
            Assert.Equal(value, JsonSerializer.Deserialize($"\"{word}\"", type, SystemTextJsonMessageSerializer.Options));
        }
    }

    [Fact]
    public void Should_read_back_every_word_it_writes()
    {
        Assert.Equal("BUY_STOCK", Wire.Name(TradeAction.BuyStock));
        Assert.Equal(TradeAction.BuyStock, Wire.Parse<TradeAction>("BUY_STOCK"));
        Assert.Equal(["PAPER", "LIVE"], Wire.All<ExecutionMode>());
        // An enum without JSON attributes (a service's own state) is spelled in upper snake case.
        Assert.Equal("ENTRY_WORKING", Wire.Name(LegState.EntryWorking));
        Assert.Equal(LegState.EntryWorking, Wire.Parse<LegState>("ENTRY_WORKING"));
    }

    [Theory]
    [InlineData("HOLD")]
    [InlineData("buy_stock")]
    [InlineData("BuyStock")]
    [InlineData("")]
    public void Should_refuse_a_word_no_member_has_and_name_the_words_that_exist(string word)
    {
        Assert.False(Wire.TryParse<TradeAction>(word, out _));
        var error = Assert.Throws<FormatException>(() => Wire.Parse<TradeAction>(word));
        Assert.Contains("BUY_CALL, BUY_PUT, BUY_STOCK, SELL_PREMIUM", error.Message);
    }

    [Fact]
    public void Should_refuse_a_message_whose_word_no_member_has()
    {
        var json = """{"side":"HOLD"}""";
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SideOnly>(json, SystemTextJsonMessageSerializer.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SideOnly>("""{"side":1}""", SystemTextJsonMessageSerializer.Options));
    }

    sealed record SideOnly(OrderSide Side);
}
