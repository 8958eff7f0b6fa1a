using System.Security.Cryptography;

namespace Tradewire.Cli;

/// <summary>The local operator token for control endpoints: generated once, kept in the state dir (mode 600).</summary>
public static class OperatorToken
{
    public static string LoadOrCreate(RepoPaths paths)
    {
        if (File.Exists(paths.OperatorTokenFile))
            return File.ReadAllText(paths.OperatorTokenFile).Trim();
        Directory.CreateDirectory(paths.StateDir);
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        File.WriteAllText(paths.OperatorTokenFile, token);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(paths.OperatorTokenFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return token;
    }
}
