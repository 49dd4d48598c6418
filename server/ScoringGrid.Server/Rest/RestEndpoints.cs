using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using ScoringGrid.Common;
using ScoringGrid.Scoring;
using ScoringGrid.Server.Scoring;
using ScoringGrid.Server.Security;
using ScoringGrid.Server.Verification;

namespace ScoringGrid.Server.Rest;

/// <summary>
/// <c>POST /v1/evaluate</c> and <c>POST /v1/evaluate:batch</c> for web portals that cannot speak gRPC:
/// the proto3 JSON forms of the same messages, the same keys and the same errors, as HTTP statuses.
/// The rule sets, for rendering a programme, are in RestEndpoints.RuleSets.cs; the OpenAPI
/// description of them all (<c>GET /v1/openapi.json</c>) is written by <see cref="OpenApiDocument"/>.
/// </summary>
internal static partial class RestEndpoints
{
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    private const string EvaluatePath = "/v1/evaluate";
    private const string EvaluateBatchPath = "/v1/evaluate:batch";

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    // JSON is UTF-8 (RFC 8259 8.1): a body that is not is refused, not read with U+FFFD in an applicant's name.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(true).WithFormatDefaultValues(true));
    // Written once, on first use.
    private static readonly Lazy<string> Description = new(OpenApiDocument.Create);

    // What a resource that can be read answers (RFC 9110 9.1: HEAD wherever GET); Kestrel sends no body for HEAD.
    private static readonly string[] Readable = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>The CORS policy of the REST endpoints, when <c>ScoringGrid:CorsOrigins</c> names any.</summary>
    public const string CorsPolicy = "portals";

    public static IEndpointRouteBuilder MapScoringRest(this IEndpointRouteBuilder endpoints, bool cors = false)
    {
        IEndpointConventionBuilder[] mapped =
        [
            endpoints.MapPost(EvaluatePath, EvaluateAsync),
            endpoints.MapPost(EvaluateBatchPath, EvaluateBatchAsync),
            endpoints.MapMethods(RuleSetsPath, Readable, ListRuleSetsAsync),
            endpoints.MapMethods(RuleSetPath, Readable, GetRuleSetAsync),
            endpoints.MapMethods(OpenApiDocument.Path, Readable, DescribeAsync),
        ];
        if (cors)
        {
            // Routing then lets a browser's preflight (OPTIONS) reach the CORS middleware for these paths.
            foreach (var endpoint in mapped)
            {
                endpoint.RequireCors(CorsPolicy);
            }
        }

        // Any other /v1 request gets its error as JSON too, not the framework's empty 404 or 405.
        endpoints.MapFallback("/v1/{**rest}", NoSuchEndpointAsync);
        return endpoints;
    }

    // Not counted in the metrics: the path would be a label any client could multiply.
    private static async Task NoSuchEndpointAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var request = $"{http.Request.Method} {path}";
        ScoringError error;
        if (path is EvaluatePath or EvaluateBatchPath)
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = HttpMethods.Post;
            error = new ScoringError("UNIMPLEMENTED", "method", $"{request}: this endpoint takes POST with a JSON body");
        }
        else if (IsRuleSetPath(path) || path == OpenApiDocument.Path)
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = string.Join(", ", Readable);
            error = new ScoringError("UNIMPLEMENTED", "method", $"{request}: this endpoint takes GET");
        }
        else
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            error = new ScoringError(ScoringErrorCodes.NotFound, "path",
                $"{request}: no such endpoint; the REST API has POST {EvaluatePath}, POST {EvaluateBatchPath}, GET {RuleSetsPath} and GET {RuleSetPath}, described in GET {OpenApiDocument.Path}");
        }

        await WriteErrorAsync(http, error);
    }

    // Open, as gRPC reflection is: it describes the API, not anyone's data.
    private static async Task DescribeAsync(HttpContext http)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(Description.Value);
    }

    private static async Task EvaluateAsync(
        HttpContext http, ScoringOperations scoring, VerifiedScoring verified, AccessControl access, RestCallObserver observer)
    {
        using var call = observer.Start(EvaluatePath);
        if (await ReadAsync(http, access, call, cost: 1) is not { } request)
        {
            return;
        }

        V1.EvaluateRequest evaluate;
        // Both the EvaluateRequest form and a bare application document are accepted.
        var wrapped = StartsWith(request.Body, "application") || StartsWith(request.Body, "view");
        try
        {
            evaluate = wrapped
                ? Parser.Parse<V1.EvaluateRequest>(request.Text)
                : new V1.EvaluateRequest { Application = Parser.Parse<V1.Application>(request.Text) };
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException)
        {
            await ErrorAsync(http, call, NotA(wrapped ? V1.EvaluateRequest.Descriptor : V1.Application.Descriptor, request.Body, e));
            return;
        }

        var (application, view) = (evaluate.Application, evaluate.View);
        var (response, error) = application is { Verify: true }
            ? await verified.EvaluateAsync(application, request.Caller, scoring.Catalog, view)
            : (scoring.Evaluate(application, request.Caller, scoring.Catalog, out var plainError, null, view), plainError);
        if (error is not null)
        {
            await ErrorAsync(http, call, error);
            return;
        }

        await WriteAsync(http, StatusCodes.Status200OK, Formatter.Format(response));
        call.Complete("OK");
    }

    private static async Task EvaluateBatchAsync(
        HttpContext http, ScoringOperations scoring, VerifiedScoring verified, AccessControl access, RestCallObserver observer)
    {
        using var call = observer.Start(EvaluateBatchPath);
        // Charged once the body says how many applications it holds.
        if (await ReadAsync(http, access, call, cost: 0) is not { } request)
        {
            return;
        }

        V1.EvaluateBatchRequest batch;
        try
        {
            batch = Parser.Parse<V1.EvaluateBatchRequest>(request.Text);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException)
        {
            // A body that is no batch costs what a call costs.
            if (await ChargeAsync(http, access, call, request.Caller, 1))
            {
                await ErrorAsync(http, call, NotA(V1.EvaluateBatchRequest.Descriptor, request.Body, e));
            }

            return;
        }

        // One token per application: a batch must not be a way around the key's rate.
        if (!await ChargeAsync(http, access, call, request.Caller, Math.Max(1, batch.Applications.Count)))
        {
            return;
        }

        // One catalog for the whole batch: a reload mid-batch must not mix rule versions.
        var catalog = scoring.Catalog;
        var responses = new V1.EvaluateBatchResponse();
        foreach (var application in batch.Applications)
        {
            responses.Responses.Add(application.Verify
                ? (await verified.EvaluateAsync(application, request.Caller, catalog, batch.View)).Response
                : scoring.Evaluate(application, request.Caller, catalog, out _, null, batch.View));
        }

        await WriteAsync(http, StatusCodes.Status200OK, Formatter.Format(responses));
        call.Complete("OK");
    }

    /// <summary>
    /// A body the JSON parser refused, with the path of the field at fault: the parser's own message
    /// says what was wrong but not where. Its message stands when no field is found to blame.
    /// </summary>
    private static ScoringError NotA(MessageDescriptor descriptor, byte[] body, Exception parserError) =>
        ProtoJsonDiagnostics.Explain(body, descriptor) is var (field, message)
            ? new ScoringError(ScoringErrorCodes.InvalidArgument, field, $"not a {descriptor.FullName}: {message}")
            : new ScoringError(ScoringErrorCodes.InvalidArgument, "", $"not a {descriptor.FullName}: {parserError.Message}");

    /// <summary>The caller, once the key, its scope and <paramref name="cost"/> tokens of its rate limit allow the call.</summary>
    private static async Task<CallerIdentity?> AuthorizeAsync(HttpContext http, AccessControl access, RestCall call, int cost)
    {
        var authorization = http.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null;
        var decision = access.Check(authorization, ApiScope.Score, cost);
        call.Key = decision.Key;
        if (decision.Caller is null)
        {
            SetRetryAfter(http, decision);
            if (decision.Code == StatusNames.Unauthenticated)
            {
                // A 401 names its scheme (RFC 9110 11.6.1); RFC 6750 says which error a wrong token is.
                http.Response.Headers.WWWAuthenticate = authorization is null ? "Bearer" : "Bearer error=\"invalid_token\"";
            }

            await ErrorAsync(http, call, new ScoringError(decision.Code, "authorization", decision.Message));
        }

        return decision.Caller;
    }

    /// <summary>The caller and the body, once the key, its scope and <paramref name="cost"/> tokens of its rate limit allow them.</summary>
    private static async Task<RestRequest?> ReadAsync(HttpContext http, AccessControl access, RestCall call, int cost)
    {
        if (await AuthorizeAsync(http, access, call, cost) is not { } caller)
        {
            return null;
        }

        if (http.Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(http, call, new ScoringError("UNSUPPORTED_MEDIA_TYPE", "content-type", "send the body as application/json"));
            return null;
        }

        bool gzip;
        switch (http.Request.Headers.ContentEncoding.ToString())
        {
            case "" or "identity":
                gzip = false;
                break;
            case var coding when coding.Equals("gzip", StringComparison.OrdinalIgnoreCase):
                gzip = true;
                break;
            case var coding:
                await ErrorAsync(http, call, new ScoringError("UNSUPPORTED_MEDIA_TYPE", "content-encoding", $"'{coding}' is not supported; send the body as it is or in gzip"));
                return null;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        byte[]? body;
        try
        {
            body = await ReadBodyAsync(http.Request.Body, gzip, http.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null;
        }
        catch (InvalidDataException e)
        {
            await ErrorAsync(http, call, new ScoringError(ScoringErrorCodes.InvalidArgument, "content-encoding", $"the body is not valid gzip: {e.Message}"));
            return null;
        }

        if (body is null)
        {
            // RESOURCE_EXHAUSTED as gRPC says it, but 413 rather than 429: the body is too large, not the caller too fast.
            await ErrorAsync(http, call, new ScoringError(StatusNames.ResourceExhausted, "", $"request body exceeds {MaxBodyBytes} bytes"),
                StatusCodes.Status413PayloadTooLarge);
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException e)
        {
            await ErrorAsync(http, call, new ScoringError(ScoringErrorCodes.InvalidArgument, "", $"the body is not valid UTF-8 (at byte {e.Index}): send JSON in UTF-8"));
            return null;
        }

        return new RestRequest(caller, body, text);
    }

    /// <summary>
    /// The body, decompressed; null when it is larger than <see cref="MaxBodyBytes"/>. The limit
    /// counts the decompressed bytes, so a small gzip body cannot unpack into a large one.
    /// </summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, bool gzip, CancellationToken cancellationToken)
    {
        await using var source = gzip ? new GZipStream(body, CompressionMode.Decompress, leaveOpen: true) : null;
        Stream from = (Stream?)source ?? body;
        using var buffer = new MemoryStream();
        byte[] chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await from.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    /// <summary>Takes <paramref name="count"/> tokens from the caller's rate limit, or answers 429 (with Retry-After when a retry can pass).</summary>
    private static async Task<bool> ChargeAsync(HttpContext http, AccessControl access, RestCall call, CallerIdentity caller, int count)
    {
        var decision = access.Charge(caller, count);
        if (decision.Caller is not null)
        {
            return true;
        }

        SetRetryAfter(http, decision);
        await ErrorAsync(http, call, new ScoringError(decision.Code, "authorization", decision.Message));
        return false;
    }

    // Whole seconds (RFC 9110 10.2.3), rounded up so that a retry then passes.
    private static void SetRetryAfter(HttpContext http, AccessDecision decision)
    {
        if (decision.RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Whether the JSON object's first property is <paramref name="name"/> (an EvaluateRequest rather than a bare Application).</summary>
    private static bool StartsWith(byte[] json, string name)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(name);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task ErrorAsync(HttpContext http, RestCall call, ScoringError error, int? httpStatus = null)
    {
        http.Response.StatusCode = httpStatus ?? HttpStatusFor(error.Code);
        await WriteErrorAsync(http, error);
        call.Complete(error.Code);
    }

    private static async Task WriteErrorAsync(HttpContext http, ScoringError error)
    {
        var body = new ArrayBufferWriter<byte>(256);
        using (var w = ScoreResultJson.CreateWriter(body))
        {
            ScoreResultJson.WriteError(w, error);
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.Body.WriteAsync(body.WrittenMemory);
    }

    private static async Task WriteAsync(HttpContext http, int status, string json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        // Appended: with CORS the response already varies by Origin.
        http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        if (!AcceptsGzip(http.Request))
        {
            await http.Response.WriteAsync(json);
            return;
        }

        // A batch of FULL results is mostly repeated rule texts: gzip takes it to a fraction.
        http.Response.Headers.ContentEncoding = "gzip";
        await using var gzip = new GZipStream(http.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
        await using var text = new StreamWriter(gzip, Utf8, 16 * 1024, leaveOpen: true);
        await text.WriteAsync(json);
    }

    /// <summary>Whether Accept-Encoding allows gzip: named with a quality above 0, or through <c>*</c>.</summary>
    internal static bool AcceptsGzip(HttpRequest request)
    {
        if (request.Headers.AcceptEncoding.Count == 0)
        {
            return false;
        }

        double? gzip = null, any = null;
        foreach (var coding in request.GetTypedHeaders().AcceptEncoding)
        {
            var quality = coding.Quality ?? 1;
            if (coding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip = quality;
            }
            else if (coding.Value == "*")
            {
                any = quality;
            }
        }

        return (gzip ?? any ?? 0) > 0;
    }

    internal static int HttpStatusFor(string code) => code switch
    {
        ScoringErrorCodes.InvalidArgument => StatusCodes.Status400BadRequest,
        ScoringErrorCodes.NotFound => StatusCodes.Status404NotFound,
        StatusNames.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusNames.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusNames.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        "FAILED_PRECONDITION" => StatusCodes.Status400BadRequest,
        "UNAVAILABLE" => StatusCodes.Status503ServiceUnavailable,
        "UNSUPPORTED_MEDIA_TYPE" => StatusCodes.Status415UnsupportedMediaType,
        _ => StatusCodes.Status500InternalServerError,
    };

    private sealed record RestRequest(CallerIdentity Caller, byte[] Body, string Text);
}
