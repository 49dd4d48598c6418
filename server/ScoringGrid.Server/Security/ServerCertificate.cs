using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;

namespace ScoringGrid.Server.Security;

/// <summary>
/// The TLS certificate from <c>ScoringGrid:CertificatePath</c>, reloaded when the file changes so
/// a renewed certificate serves new connections without a restart; open connections keep the one
/// they were made with. The directory is watched rather than the file, because renewals often
/// replace the file (or, in a Kubernetes secret mount, a symlink above it) instead of writing it;
/// every event compares the file's bytes with the loaded ones. A file that does not load leaves
/// the current certificate serving and is logged.
/// </summary>
internal sealed partial class ServerCertificate : IHostedService, IDisposable
{
    private readonly string _path;
    private readonly string _password;
    private readonly TimeProvider _time;
    private readonly Lock _reloading = new();
    private X509Certificate2 _current;
    private byte[] _loadedHash;
    private byte[]? _failedHash;
    private ILogger _log = NullLogger.Instance;
    private SettledDirectoryWatcher? _watcher;

    private ServerCertificate(string path, string password, TimeProvider time, X509Certificate2 certificate, byte[] hash)
    {
        _path = Path.GetFullPath(path);
        _password = password;
        _time = time;
        _current = certificate;
        _loadedHash = hash;
    }

    /// <summary>Raised after each reload attempt: null when the new certificate serves, else why the old one still does.</summary>
    public event Action<Exception?>? Reloaded;

    /// <summary>The certificate new TLS connections are offered.</summary>
    public X509Certificate2 Current => Volatile.Read(ref _current);

    /// <summary>Loads the PFX file; throws what <see cref="X509CertificateLoader"/> throws for a bad one.</summary>
    public static ServerCertificate Load(string path, string password, TimeProvider time)
    {
        byte[] bytes = File.ReadAllBytes(path);
        return new ServerCertificate(path, password, time, Read(bytes, password), SHA256.HashData(bytes));
    }

    /// <summary>Where reloads are logged once the host has started this watcher.</summary>
    public ServerCertificate LoggingTo(ILogger log)
    {
        _log = log;
        return this;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _watcher = new SettledDirectoryWatcher(Path.GetDirectoryName(_path)!, _time, ReloadNow);
        LogServing(_log, Current.Subject, Current.Thumbprint, Current.NotAfter.ToUniversalTime(), _path);

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _watcher?.Dispose();

    /// <summary>Loads the file now if its bytes changed, and swaps it in; or keeps the current certificate and logs why.</summary>
    public void ReloadNow()
    {
        lock (_reloading)
        {
            Reload();
        }
    }

    private void Reload()
    {
        Exception? failure = null;
        byte[]? hash = null;
        try
        {
            byte[] bytes = File.ReadAllBytes(_path);
            hash = SHA256.HashData(bytes);
            // Unchanged, or the same broken file again (a later event in the same directory): nothing to do.
            if (hash.AsSpan().SequenceEqual(_loadedHash) || hash.AsSpan().SequenceEqual(_failedHash))
            {
                return;
            }

            var next = Read(bytes, _password);
            // The old certificate is not disposed: a handshake may be using it right now.
            Volatile.Write(ref _current, next);
            _loadedHash = hash;
            _failedHash = null;
            LogReloaded(_log, next.Subject, next.Thumbprint, next.NotAfter.ToUniversalTime());
        }
        catch (Exception error) when (error is CryptographicException or IOException or UnauthorizedAccessException)
        {
            // A file that would not load is not tried again until it changes (null: it could not be read).
            _failedHash = hash;
            failure = error;
            LogReloadFailed(_log, _path, error.Message, Current.Thumbprint);
        }

        Reloaded?.Invoke(failure);
    }

    // A certificate without its key would load, then fail every handshake.
    private static X509Certificate2 Read(byte[] pfx, string password)
    {
        var certificate = X509CertificateLoader.LoadPkcs12(pfx, password);
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new CryptographicException("The file holds no private key for its certificate.");
        }

        return certificate;
    }

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "TLS certificate {Subject} ({Thumbprint}, valid until {NotAfter:u}) from {Path}; watching it for renewal")]
    private static partial void LogServing(ILogger logger, string subject, string thumbprint, DateTime notAfter, string path);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "TLS certificate reloaded: {Subject} ({Thumbprint}, valid until {NotAfter:u}) serves new connections")]
    private static partial void LogReloaded(ILogger logger, string subject, string thumbprint, DateTime notAfter);

    [LoggerMessage(EventId = 112, Level = LogLevel.Error, Message = "TLS certificate {Path} did not load, {Thumbprint} keeps serving: {Reason}")]
    private static partial void LogReloadFailed(ILogger logger, string path, string reason, string thumbprint);
}
