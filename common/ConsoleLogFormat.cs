using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ScoringGrid.Common;

/// <summary>
/// How ScoringGrid's processes write their console log. By default one line of text per event, for
/// people. With <c>Logging:Console:FormatterName</c> set to <c>json</c> (on the command line, or as
/// <c>Logging__Console__FormatterName=json</c> in the environment), one JSON object per line with the
/// event id, level, category, message and every named value of the message, with UTC ISO 8601
/// timestamps, for log shippers. Values set under <c>Logging:Console:FormatterOptions</c> win over
/// these defaults. Any other formatter name is refused, since the console logger would silently write text.
/// </summary>
/// <remarks>Source-linked into each host (the server, the collector), so it stays internal.</remarks>
internal static class ConsoleLogFormat
{
    private const string FormatterNameSetting = "Logging:Console:FormatterName";

    /// <exception cref="ArgumentException">The configured formatter is none of simple, json and systemd.</exception>
    public static ILoggingBuilder AddConsoleLogFormat(this ILoggingBuilder logging, IConfiguration configuration)
    {
        var formatter = configuration[FormatterNameSetting];
        if (!string.IsNullOrEmpty(formatter) && !IsBuiltIn(formatter))
        {
            throw new ArgumentException($"{FormatterNameSetting}: '{formatter}' is not a console log format; use simple, json or systemd.");
        }

        logging.AddConsole();
        var services = logging.Services;

        // The slim host builder names the simple formatter after configuration was bound, so the configured
        // name is applied here again (without a name the console logger would take its legacy path).
        services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = string.IsNullOrEmpty(formatter) ? ConsoleFormatterNames.Simple : formatter);
        services.Configure<SimpleConsoleFormatterOptions>(static o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        services.Configure<JsonConsoleFormatterOptions>(static o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });

        // The console provider bound this section before the defaults above; binding it again lets it win.
        var formatterOptions = configuration.GetSection("Logging:Console:FormatterOptions");
        services.Configure<SimpleConsoleFormatterOptions>(formatterOptions);
        services.Configure<JsonConsoleFormatterOptions>(formatterOptions);
        return logging;
    }

    // The console logger looks formatters up ignoring case.
    private static bool IsBuiltIn(string name) =>
        name.Equals(ConsoleFormatterNames.Simple, StringComparison.OrdinalIgnoreCase)
        || name.Equals(ConsoleFormatterNames.Json, StringComparison.OrdinalIgnoreCase)
        || name.Equals(ConsoleFormatterNames.Systemd, StringComparison.OrdinalIgnoreCase);
}
