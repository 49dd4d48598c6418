using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScoringGrid.Server.Tests.Rest;

/// <summary>
/// A bounded fuzz run over REST: the shipped examples, mutated at random (values of the wrong type or
/// out of range, missing and unknown fields, cut short, bytes that are not UTF-8, nesting beyond any
/// limit), posted as single applications and as batches. Every answer is a scored result or a JSON
/// error naming what was wrong, never a 500, and the server still scores correctly afterwards.
/// </summary>
public sealed class RestFuzzTests : IAsyncLifetime
{
    private const int Documents = 1500;
    private static readonly HttpStatusCode[] Expected =
        [HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.RequestEntityTooLarge];

    private ServerFixture _server = null!;

    public async Task InitializeAsync() => _server = await ServerFixture.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MutatedDocuments_GetAResultOrANamedError_AndTheServerKeepsScoring()
    {
        var random = new Random(20261204);
        var examples = Examples.Files.Select(f => File.ReadAllText(f)).ToArray();
        using var http = _server.Http();
        var statuses = new Dictionary<HttpStatusCode, int>();
        for (var i = 0; i < Documents; i++)
        {
            var body = Mutate(examples[random.Next(examples.Length)], random);
            var batch = random.Next(4) == 0;
            var (path, content) = batch
                ? ("/v1/evaluate:batch", Concat("{\"applications\":["u8, body, "]}"u8))
                : ("/v1/evaluate", body);
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(content) };
            request.Content.Headers.ContentType = new("application/json");
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(Expected.Contains(response.StatusCode), $"{path} answered {(int)response.StatusCode} to {Encoding.UTF8.GetString(content)}:\n{text}");
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            using var json = JsonDocument.Parse(text);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var error = json.RootElement.GetProperty("error");
                Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()), text);
                Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("code").GetString()), text);
            }
        }

        // The mutations reached both sides: some documents still scored, most were refused.
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > 50, string.Join(", ", statuses));
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > 500, string.Join(", ", statuses));

        using var after = await http.PostAsync("/v1/evaluate", new StringContent(Examples.Text("js-star-2019"), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("3-star", JsonDocument.Parse(await after.Content.ReadAsStringAsync()).RootElement.GetProperty("result").GetProperty("level").GetString());
    }

    private static byte[] Mutate(string document, Random random)
    {
        switch (random.Next(10))
        {
            case 0:
                // Cut short anywhere.
                return Encoding.UTF8.GetBytes(document[..random.Next(document.Length)]);
            case 1:
                // A few bytes replaced, which may leave invalid UTF-8 or broken syntax.
                var bytes = Encoding.UTF8.GetBytes(document);
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
            case 2:
                // Nested far deeper than any real document.
                var depth = random.Next(50, 3000);
                return Encoding.UTF8.GetBytes(document.Insert(document.IndexOf('{', StringComparison.Ordinal) + 1,
                    $"\"details\":{new string('[', depth)}{new string(']', depth)},"));
            default:
                var root = JsonNode.Parse(document)!.AsObject();
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    MutateNode(root, random);
                }

                return Encoding.UTF8.GetBytes(root.ToJsonString());
        }
    }

    // One change at a random place in the tree: a value replaced, a field removed or added.
    private static void MutateNode(JsonObject root, Random random)
    {
        JsonNode node = root;
        while (true)
        {
            var children = node switch
            {
                JsonObject o => o.Select(p => p.Value).Where(v => v is not null).ToList(),
                JsonArray a => a.Where(v => v is not null).ToList(),
                _ => [],
            };
            if (children.Count == 0 || random.Next(3) == 0)
            {
                break;
            }

            node = children[random.Next(children.Count)]!;
        }

        var parent = node.Parent;
        switch (random.Next(3))
        {
            case 0 when parent is JsonObject o:
                o.Remove(node.GetPropertyName());
                break;
            case 1 when node is JsonObject o:
                o[RandomName(random)] = RandomValue(random);
                break;
            default:
                if (parent is JsonObject po)
                {
                    po[node.GetPropertyName()] = RandomValue(random);
                }
                else if (parent is JsonArray pa)
                {
                    pa[node.GetElementIndex()] = RandomValue(random);
                }

                break;
        }
    }

    private static string RandomName(Random random) =>
        random.Next(3) == 0 ? "" : new string(Enumerable.Range(0, random.Next(1, 12)).Select(_ => (char)random.Next('a', 'z' + 1)).ToArray());

    private static JsonNode? RandomValue(Random random) => random.Next(12) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(-random.NextDouble() * 1e6),
        3 => JsonNode.Parse("1e400"),   // beyond a double
        4 => JsonValue.Create("NaN"),
        5 => JsonValue.Create("Infinity"),
        6 => JsonValue.Create(new string('x', random.Next(0, 5000))),
        7 => new JsonArray(JsonValue.Create(1), JsonValue.Create("a"), null),
        8 => new JsonObject { [RandomName(random)] = JsonValue.Create(random.Next()) },
        9 => JsonValue.Create(long.MaxValue),
        10 => JsonValue.Create("2019-13-45"),
        _ => JsonValue.Create(random.Next(-10, 10)),
    };

    private static byte[] Concat(ReadOnlySpan<byte> a, byte[] b, ReadOnlySpan<byte> c) => [.. a, .. b, .. c];
}
