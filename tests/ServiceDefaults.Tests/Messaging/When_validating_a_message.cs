using System.ComponentModel.DataAnnotations;
using Tradewire.ServiceDefaults.Messaging;

namespace Tradewire.ServiceDefaults.Tests.Messaging;

public sealed class When_validating_a_message
{
    public enum Side { Buy = 1, Sell = 2 }

    public sealed record Order
    {
        public required string Symbol { get; init; }

        [Range(typeof(decimal), "0", "79228162514264337593543950335", ErrorMessage = "Quantity must not be negative")]
        public required decimal Quantity { get; init; }

        public required Side Side { get; init; }
        public string? Note { get; init; }
    }

    [Fact]
    public void Should_accept_a_valid_message_with_optional_fields_missing() =>
        Assert.Empty(MessageValidationFilter<Order>.Validate(new Order { Symbol = "SPY", Quantity = 10m, Side = Side.Buy }));

    [Fact]
    public void Should_name_every_problem()
    {
        var errors = MessageValidationFilter<Order>.Validate(new Order { Symbol = null!, Quantity = -1m, Side = (Side)7 });

        Assert.Contains("Symbol is missing", errors);
        Assert.Contains("Quantity must not be negative", errors);
        Assert.Contains("Side has unknown value 7 for Side", errors);
        Assert.Equal(3, errors.Count);
    }
}
