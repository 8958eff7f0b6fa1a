using Microsoft.Extensions.Configuration.Json;

namespace Tradewire.ServiceDefaults.Configuration;

/// <summary>
/// Secrets come only from the environment. A configuration file that sets a password, secret or token is
/// refused at start-up with the offending key (never its value), so no secret gets committed or baked into
/// an image by accident.
/// </summary>
public static class SecretsGuard
{
    static readonly string[] SecretWords = ["password", "secret", "token", "apikey"];

    public static bool IsSecretKey(string key) =>
        SecretWords.Any(w => key.Replace("_", "").Contains(w, StringComparison.OrdinalIgnoreCase))
        || key.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase);

    public static void EnsureNoSecretsInFiles(IConfigurationRoot configuration)
    {
        foreach (var provider in configuration.Providers.OfType<JsonConfigurationProvider>())
        {
            var offending = Keys(provider).Where(IsSecretKey).ToList();
            if (offending.Count > 0)
                throw new InvalidOperationException(
                    $"Configuration file {provider.Source.Path} sets secret keys ({string.Join(", ", offending)}); secrets must come from environment variables.");
        }
    }

    static IEnumerable<string> Keys(IConfigurationProvider provider, string? parent = null)
    {
        foreach (var child in provider.GetChildKeys([], parent).Distinct())
        {
            var path = parent is null ? child : ConfigurationPath.Combine(parent, child);
            if (provider.TryGet(path, out var value) && value is not null)
                yield return path;
            foreach (var nested in Keys(provider, path))
                yield return nested;
        }
    }
}
