using System.Net.Sockets;
using System.Text;
using ScoringGrid.Grpc;

namespace ScoringGrid.Load.Targets;

/// <summary>The names of error kinds in reports: one place builds them.</summary>
public static class ErrorKinds
{
    /// <summary>No answer within the request timeout.</summary>
    public const string Timeout = "timeout";

    /// <summary>The connection could not be made or broke.</summary>
    public const string Connection = "connection error";

    /// <summary>Still in flight when the run's drain period ended.</summary>
    public const string Unfinished = "unfinished at end";

    /// <summary>Anything else (the exception type is appended).</summary>
    public const string Other = "other";

    /// <summary>An HTTP status that is not 2xx, e.g. <c>http 503</c>.</summary>
    public static string Http(int status) => "http " + status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A gRPC status by its canonical name, e.g. <c>grpc UNAVAILABLE</c>.</summary>
    public static string Grpc(StatusCode status) => "grpc " + CanonicalName(status);

    /// <summary>Classifies transport exceptions shared by every target.</summary>
    public static string FromException(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RpcException rpc:
                    return Grpc(rpc.StatusCode);
                case SocketException or System.IO.IOException or HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }:
                    return Connection;
                case TimeoutException:
                    return Timeout;
            }
        }

        return exception is HttpRequestException ? Connection : Other + " (" + exception.GetType().Name + ")";
    }

    /// <summary><c>ResourceExhausted</c> → <c>RESOURCE_EXHAUSTED</c>, the name grpc-status values have in every gRPC implementation.</summary>
    public static string CanonicalName(StatusCode status)
    {
        var name = status.ToString();
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
            {
                sb.Append('_');
            }

            sb.Append(char.ToUpperInvariant(name[i]));
        }

        return sb.ToString();
    }
}
