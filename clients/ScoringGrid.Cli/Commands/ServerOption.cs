using System.CommandLine;

namespace ScoringGrid.Cli.Commands;

/// <summary><c>--server URL</c>: the ScoringGrid server to call, refused at parse time unless it is an http(s) URL.</summary>
internal static class ServerOption
{
    public static Option<string?> Create(string description, bool required = false)
    {
        var option = new Option<string?>("--server") { Description = description, Required = required };
        option.Validators.Add(static result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value
                && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                result.AddError($"--server: '{value}' is not an http:// or https:// URL, e.g. http://127.0.0.1:50051");
            }
        });
        return option;
    }
}
