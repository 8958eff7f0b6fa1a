using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Tradewire.Cli.CommandLine;

/// <summary>
/// The options several commands share, defined once so that each is spelled, validated and explained the same way
/// everywhere (<c>./tradewire &lt;command&gt; --help</c>). A bad value is refused before the command runs, naming
/// the option and what it wants.
/// </summary>
public static class CliOptions
{
    /// <summary>A trading date as yyyy-MM-dd; anything else is refused with that format named.</summary>
    public static Option<DateOnly?> Date(string description) => new("--date")
    {
        Description = description,
        CustomParser = r => ParseDate(r.Tokens.Single().Value, r),
    };

    /// <summary>
    /// <c>--date</c> repeated (<c>--date D1 --date D2</c>), each a trading date as yyyy-MM-dd; the first bad one is
    /// refused with that format named. Whether it was given at all, valid or not: <see cref="Given"/>.
    /// </summary>
    public static Option<DateOnly[]> Dates(string description) => new("--date")
    {
        Description = description + " (repeat for several)",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
        CustomParser = r =>
        {
            var dates = r.Tokens.Select(t => ParseDate(t.Value, r)).ToList();
            return dates.All(d => d is not null) ? dates.Select(d => d!.Value).ToArray() : [];
        },
    };

    /// <summary>
    /// Whether <paramref name="option"/> is on the command line (a bad value included): a validator that needs one of
    /// two options must not add "give one" on top of the option's own parse error.
    /// </summary>
    public static bool Given(this CommandResult command, Option option) => command.GetResult(option) is { Implicit: false };

    static DateOnly? ParseDate(string text, ArgumentResult r)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        r.AddError($"--date '{text}' is not a date written yyyy-MM-dd");
        return null;
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<int> Int(string name, string description, int defaultValue, int min, int max)
    {
        var option = new Option<int>(name) { Description = $"{description} ({min}-{max})", DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<int>();
            if (value < min || value > max)
                r.AddError($"{name} must be between {min} and {max}, got {value}");
        });
        return option;
    }

    /// <summary>A comma-separated list of whole numbers of at least <paramref name="min"/>, or "none" for an empty list.</summary>
    public static Option<int[]> IntList(string name, string description, int[] defaultValue, int min)
    {
        return new Option<int[]>(name)
        {
            Description = $"{description} (comma-separated, or none)",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r =>
            {
                var text = r.Tokens.Single().Value;
                if (text == "none")
                    return [];
                var values = new List<int>();
                foreach (var part in text.Split(','))
                {
                    if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < min)
                    {
                        r.AddError($"{name} wants whole numbers of at least {min} separated by commas, or none; got '{text}'");
                        return [];
                    }
                    values.Add(v);
                }
                return values.ToArray();
            },
        };
    }

    /// <summary>The operator token for a remote system (default: TRADEWIRE_OPERATOR_TOKEN, else the local one).</summary>
    public static Option<string?> Token() => new("--token") { Description = "the operator token of the system checked (default: TRADEWIRE_OPERATOR_TOKEN, else the local one)" };

    /// <summary>An absolute http(s) URL.</summary>
    public static Option<Uri?> Url(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                return uri;
            r.AddError($"{name} wants an absolute http(s) URL, got '{text}'");
            return null;
        },
    };

    /// <summary>One of the seven services, by name.</summary>
    public static Argument<ServiceInfo> Service() => new("SERVICE")
    {
        Description = "one of: " + string.Join(", ", ServiceCatalog.All.Select(s => s.Name)),
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            if (ServiceCatalog.Find(text) is { } service)
                return service;
            r.AddError($"unknown service '{text}'; one of: {string.Join(", ", ServiceCatalog.All.Select(s => s.Name))}");
            return null!;
        },
    };
}
