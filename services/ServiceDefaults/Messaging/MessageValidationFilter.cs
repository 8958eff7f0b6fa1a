using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Tradewire.ServiceDefaults.Messaging;

/// <summary>
/// Checks every consumed message before any consumer (and so before the inbox or any state) sees it:
/// the DataAnnotations on the contract (<c>[Range]</c> for "never negative", <c>[Required]</c>, ...), required
/// reference members present, and enum values that exist. A failure throws
/// <see cref="MessageValidationException"/>, which skips the retries and sends the message to
/// <c>&lt;queue&gt;_error</c> with the reasons in <c>MT-Fault-Message</c>.
/// </summary>
public sealed class MessageValidationFilter<T> : IFilter<ConsumeContext<T>> where T : class
{
    static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var errors = Validate(context.Message);
        if (errors.Count > 0)
            throw new MessageValidationException(typeof(T).Name, errors);
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("messageValidation");

    /// <summary>The reasons <paramref name="message"/> is invalid; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(object message)
    {
        var errors = new List<string>();
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!Validator.TryValidateObject(message, new ValidationContext(message), results, validateAllProperties: true))
            errors.AddRange(results.Select(r => r.ErrorMessage ?? "invalid"));

        foreach (var property in Properties.GetOrAdd(message.GetType(), t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)))
        {
            if (property.GetIndexParameters().Length > 0)
                continue;
            var value = property.GetValue(message);
            // C# 'required' members: System.Text.Json refuses them when absent, but an explicit null slips through.
            if (value is null && property.IsDefined(typeof(RequiredMemberAttribute)))
                errors.Add($"{property.Name} is missing");
            else if (value is Enum e && !Enum.IsDefined(e.GetType(), e))
                errors.Add($"{property.Name} has unknown value {Convert.ToInt64(e)} for {e.GetType().Name}");
        }
        return errors;
    }
}
