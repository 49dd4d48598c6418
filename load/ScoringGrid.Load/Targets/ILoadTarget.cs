namespace ScoringGrid.Load.Targets;

/// <summary>Something the runner sends requests to. Implementations must be safe to call concurrently.</summary>
public interface ILoadTarget : IAsyncDisposable
{
    /// <summary>What is being loaded, for reports (e.g. <c>POST http://127.0.0.1:8080/v1/evaluate (HTTP/2)</c>).</summary>
    string Description { get; }

    /// <summary>Sends one request and waits for the whole response.</summary>
    /// <returns>The outcome; a failure names its kind (see <see cref="ErrorKinds"/>).</returns>
    ValueTask<RequestOutcome> SendAsync(CancellationToken cancellationToken);

    /// <summary>Names the error kind of an exception <see cref="SendAsync"/> threw (other than the runner's own timeout).</summary>
    string Classify(Exception exception);
}
