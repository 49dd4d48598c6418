using System.Globalization;
using System.Text;

namespace ScoringGrid.Load.Targets;

/// <summary>
/// The request an HTTP target repeats, read from a file in the <c>.http</c> style:
/// <code>
/// POST /v1/evaluate
/// Content-Type: application/json
/// Authorization: Bearer KEY
///
/// {"ruleset":"js-star-2019", ...}
/// </code>
/// The first line is <c>METHOD PATH-OR-URL [HTTP/x]</c>; header lines follow up to a blank line; the
/// rest is the body, or <c>&lt; FILE</c> names a file (relative to the request file) holding it.
/// </summary>
public sealed class HttpRequestTemplate
{
    private HttpRequestTemplate(HttpMethod method, Uri uri, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        Method = method;
        Uri = uri;
        Headers = headers;
        Body = body;
    }

    /// <summary>The method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The absolute request URI.</summary>
    public Uri Uri { get; }

    /// <summary>Headers in file order (content headers included).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The body bytes (empty for none).</summary>
    public byte[] Body { get; }

    /// <summary>A request with no file: <paramref name="method"/> on <paramref name="uri"/>, extra headers and an optional body.</summary>
    public static HttpRequestTemplate Create(HttpMethod method, Uri uri, IEnumerable<KeyValuePair<string, string>>? headers = null, byte[]? body = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new FormatException($"url: '{uri}' must be an absolute http:// or https:// URL");
        }

        return new HttpRequestTemplate(method, uri, [.. headers ?? []], body ?? []);
    }

    /// <summary>Reads a request file; a relative path in it is resolved against <paramref name="baseUri"/>.</summary>
    public static HttpRequestTemplate Load(string path, Uri? baseUri, IEnumerable<KeyValuePair<string, string>>? extraHeaders = null)
    {
        var text = File.ReadAllText(path);
        return Parse(text, baseUri, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", extraHeaders);
    }

    /// <summary>Parses request text (see the type's summary); <paramref name="directory"/> resolves <c>&lt; FILE</c> bodies.</summary>
    public static HttpRequestTemplate Parse(string text, Uri? baseUri, string directory = ".", IEnumerable<KeyValuePair<string, string>>? extraHeaders = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        string? first;
        do
        {
            first = reader.ReadLine();
        }
        while (first is not null && (first.Trim().Length == 0 || first.TrimStart().StartsWith('#')));

        if (first is null)
        {
            throw new FormatException("request file: empty; the first line must be 'METHOD PATH-OR-URL'");
        }

        var parts = first.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 2 or > 3)
        {
            throw new FormatException($"request file line 1: '{first}' is not 'METHOD PATH-OR-URL [HTTP/x]'");
        }

        Uri uri;
        if (Uri.TryCreate(parts[1], UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            uri = absolute;
        }
        else if (baseUri is not null)
        {
            uri = new Uri(baseUri, parts[1]);
        }
        else
        {
            throw new FormatException($"request file line 1: '{parts[1]}' is relative and no --url was given to resolve it");
        }

        var headers = new List<KeyValuePair<string, string>>();
        var lineNo = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"request file line {lineNo}: '{line}' is not 'Name: value' (end the headers with a blank line)"));
            }

            headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        var rest = reader.ReadToEnd();
        byte[] body;
        var trimmed = rest.Trim();
        if (trimmed.StartsWith('<') && !trimmed.Contains('\n', StringComparison.Ordinal))
        {
            body = File.ReadAllBytes(Path.Combine(directory, trimmed[1..].Trim()));
        }
        else
        {
            body = Encoding.UTF8.GetBytes(rest.TrimEnd('\n'));
        }

        headers.AddRange(extraHeaders ?? []);
        return Create(new HttpMethod(parts[0].ToUpperInvariant()), uri, headers, body);
    }

    /// <summary>Builds one request message (a new one per send, as <see cref="HttpClient"/> requires).</summary>
    internal HttpRequestMessage CreateMessage(Version version)
    {
        var message = new HttpRequestMessage(Method, Uri) { Version = version, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        ByteArrayContent? content = Body.Length > 0 ? new ByteArrayContent(Body) : null;
        foreach (var (name, value) in Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                content ??= new ByteArrayContent([]);
                content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        message.Content = content;
        return message;
    }
}
