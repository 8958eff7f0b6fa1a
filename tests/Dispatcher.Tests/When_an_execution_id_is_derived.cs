using Tradewire.Dispatcher.Domain;

namespace Tradewire.Dispatcher.Tests;

public sealed class When_an_execution_id_is_derived
{
    const string Key = "AAPL|2026-11-20T14:31Z|momentum_breakout";

    [Fact]
    public void Should_give_the_same_plan_the_same_id() =>
        Assert.Equal(ExecutionIds.For(Key), ExecutionIds.For(new string(Key.ToCharArray())));

    [Fact]
    public void Should_pin_the_scheme_so_a_new_build_names_the_orders_of_a_running_session_as_the_old_one_did() =>
        // SHA-256("execution:" + key), first 16 bytes, version and variant set: changing the scheme mid-session
        // would give an open bracket's legs new client_order_ids.
        Assert.Equal(Guid.Parse("2bec0bf8-cc95-8585-a0c8-371a1e526f57"), ExecutionIds.For(Key)); // computed outside .NET (Python hashlib)

    [Theory]
    [InlineData("AAPL|2026-11-20T14:32Z|momentum_breakout")]
    [InlineData("MSFT|2026-11-20T14:31Z|momentum_breakout")]
    [InlineData("AAPL|2026-11-20T14:31Z|news_catalyst")]
    public void Should_give_another_ticker_minute_or_rule_another_id(string other) =>
        Assert.NotEqual(ExecutionIds.For(Key), ExecutionIds.For(other));

    [Fact]
    public void Should_be_a_version_8_rfc_uuid()
    {
        var text = ExecutionIds.For(Key).ToString();
        Assert.Equal('8', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Should_refuse_a_blank_signal_key(string key) =>
        Assert.ThrowsAny<ArgumentException>(() => ExecutionIds.For(key));
}
