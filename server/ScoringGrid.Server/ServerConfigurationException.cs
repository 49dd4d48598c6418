namespace ScoringGrid.Server;

/// <summary>
/// A setting the server cannot start with. The message begins with the setting's name
/// (<c>--urls</c>, <c>ScoringGrid:RuleSets</c>, …) and says what is wrong with it; the server
/// prints it as one line and exits with code 2 instead of a stack trace.
/// </summary>
public sealed class ServerConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ServerConfigurationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from a failure the setting caused, naming the setting before the failure's message.</summary>
    internal static ServerConfigurationException For(string setting, Exception failure)
    {
        var message = failure.Message;
        if (failure is ArgumentException { ParamName: { } name } && message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal))
        {
            // The parameter is the library's, not the operator's.
            message = message[..^$" (Parameter '{name}')".Length];
        }

        return new($"{setting}: {message}", failure);
    }
}
