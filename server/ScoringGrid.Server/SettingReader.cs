using System.Security.Cryptography;
using ScoringGrid.Scoring;
using ScoringGrid.Server.Security;

namespace ScoringGrid.Server;

/// <summary>
/// Reads the server's settings at start-up, turning each way a setting can be wrong into a
/// <see cref="ServerConfigurationException"/> that names it.
/// </summary>
internal static class SettingReader
{
    /// <summary>A configuration section as T; a value the binder cannot convert names its key in the message.</summary>
    public static T Bind<T>(IConfiguration configuration, string section)
        where T : new() =>
        Read(null, () => configuration.GetSection(section).Get<T>() ?? new T());

    /// <summary>
    /// Runs a step that reads a setting. The ways a setting can be wrong become a ServerConfigurationException,
    /// named by <paramref name="setting"/>, or already naming it when that is null; anything else is a bug and stays as it is.
    /// </summary>
    public static T Read<T>(string? setting, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or FormatException
            or ArgumentException or InvalidOperationException or RuleSetLoadException)
        {
            throw setting is null ? new ServerConfigurationException(e.Message, e) : ServerConfigurationException.For(setting, e);
        }
    }

    /// <inheritdoc cref="Read{T}(string?, Func{T})"/>
    public static void Read(string setting, Action step) => Read<int>(setting, () =>
    {
        step();
        return 0;
    });

    /// <summary>The PFX certificate for https URLs, reloaded when its file changes; null when none is configured.</summary>
    public static ServerCertificate? Certificate(ServerSettings settings, TimeProvider time)
    {
        const string Setting = "ScoringGrid:CertificatePath";
        var path = settings.CertificatePath;
        if (path.Length == 0)
        {
            return null;
        }

        // The loader reports a missing file only as "Error occurred during a cryptographic operation".
        return File.Exists(path)
            ? Read(Setting, () => ServerCertificate.Load(path, settings.CertificatePassword, time))
            : throw new ServerConfigurationException($"{Setting}: no file '{path}'.");
    }

    /// <summary>The rule sets of a directory (see <see cref="RuleSetCatalog.LoadDirectory"/>).</summary>
    public static RuleSetCatalog RuleSets(string directory)
    {
        const string Setting = "ScoringGrid:RuleSets";
        return Directory.Exists(directory)
            ? Read(Setting, () => RuleSetCatalog.LoadDirectory(directory))
            : throw new ServerConfigurationException($"{Setting}: no directory '{directory}'.");
    }

    /// <summary>A semicolon-separated URL list.</summary>
    public static List<string> Urls(string urls) =>
        [.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
