using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ScoringGrid.Grpc.Client;

namespace ScoringGrid.Cli.Commands;

/// <summary>
/// <c>--cacert FILE</c>: PEM certificates an https <c>--server</c>'s certificate must chain to instead of
/// the system's roots (a private CA, or a self-signed server certificate itself), as curl's option does.
/// A file with no certificate in it is refused at parse time.
/// </summary>
internal static class CaCertOption
{
    public static Option<FileInfo> Create()
    {
        var option = new Option<FileInfo>("--cacert") { Description = "PEM file of the CA (or self-signed certificate) to trust for an https --server" };
        option.AcceptExistingOnly();
        option.Validators.Add(static result =>
        {
            // From the token: the value itself cannot be had once AcceptExistingOnly has refused the file.
            if (result.Tokens is [{ Value: var path }] && new FileInfo(path) is { Exists: true } file && Read(file) is { } problem)
            {
                result.AddError($"--cacert: '{file.Name}' {problem}");
            }
        });
        return option;
    }

    /// <summary>The channel options that trust <paramref name="file"/>'s certificates; null without the option.</summary>
    public static GrpcChannelOptions? ChannelOptions(FileInfo? file)
    {
        if (file is null)
        {
            return null;
        }

        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(file.FullName);
        return new GrpcChannelOptions { TrustedRoots = roots };
    }

    // Why the file cannot serve, or null.
    private static string? Read(FileInfo file)
    {
        try
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(file.FullName);
            return roots.Count == 0 ? "holds no PEM certificate (-----BEGIN CERTIFICATE-----)" : null;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return $"cannot be read as PEM certificates: {e.Message}";
        }
    }
}
