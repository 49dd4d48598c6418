using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using ScoringGrid.Grpc.Client;
using ScoringGrid.Grpc.Tests.Infrastructure;
using ScoringGrid.Grpc.Tests.Protos;
using Xunit.Abstractions;

namespace ScoringGrid.Grpc.Tests.Fuzz;

/// <summary>
/// Feeds random and mutated frames to real Kestrel: every call must end with a valid grpc-status
/// and the server must keep serving. Seeded, so a failure reproduces.
/// </summary>
[Collection(KestrelCollection.Name)]
public class FrameFuzzTests(KestrelServerFixture fixture, ITestOutputHelper output)
{
    private const int Seed = 20240611;
    private const int Calls = 2600;
    private const int FramesPerCall = 4;
    private const int WarmUpCalls = 400;
    private const long MaxHeapGrowthBytes = 16 * 1024 * 1024;

    private static readonly string[] Paths =
    [
        TestMethods.Echo.FullName, TestMethods.ServerStream.FullName, TestMethods.ClientStream.FullName, TestMethods.Duplex.FullName,
    ];

    [Fact]
    public async Task RandomAndMutatedFrames_AlwaysEndWithAValidStatus_AndTheServerKeepsServing()
    {
        var random = new Random(Seed);
        var requests = new List<(string Path, byte[] Body, bool Gzip)>(Calls);
        for (int i = 0; i < Calls; i++)
        {
            using var body = new MemoryStream();
            for (int f = 0; f < FramesPerCall; f++)
            {
                body.Write(NextFrame(random));
            }

            requests.Add((Paths[random.Next(Paths.Length)], body.ToArray(), random.Next(4) == 0));
        }

        using HttpClient client = fixture.Server.CreateHttpClient();
        using var overall = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var statuses = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        Task RunAsync(IEnumerable<(string Path, byte[] Body, bool Gzip)> batch) =>
            Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = overall.Token }, SendOneAsync);

        // Memory is measured after a warm-up (pools, connections, JIT) and again at the end: the
        // live heap (server in this process) must not keep growing with the number of bad frames.
        await RunAsync(requests.Take(WarmUpCalls));
        long before = GC.GetTotalMemory(forceFullCollection: true);
        await RunAsync(requests.Skip(WarmUpCalls));
        long after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"live heap after warm-up {before / 1024} KiB, after fuzz {after / 1024} KiB");
        Assert.True(after - before < MaxHeapGrowthBytes, $"live heap grew by {(after - before) / 1024} KiB over {Calls - WarmUpCalls} fuzz calls");

        async ValueTask SendOneAsync((string Path, byte[] Body, bool Gzip) request, CancellationToken token)
        {
            var headers = new Dictionary<string, string> { ["grpc-timeout"] = "5S" };
            if (request.Gzip)
            {
                headers["grpc-encoding"] = "gzip";
            }

            try
            {
                RawResponse response = await RawGrpc.SendAsync(client, request.Path, request.Body, headers: headers, cancellationToken: token);
                string? status = response.GrpcStatus;
                if (status is null || !int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out int code) || code > 16)
                {
                    failures.Enqueue($"{request.Path}: HTTP {response.HttpStatus}, grpc-status '{status}'");
                    return;
                }

                statuses.AddOrUpdate(((StatusCode)code).ToString(), 1, static (_, n) => n + 1);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                failures.Enqueue($"{request.Path}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        output.WriteLine($"{Calls * FramesPerCall} frames in {Calls} calls, {clock.Elapsed.TotalSeconds:F1} s: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value}")));
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(20)));
        Assert.Equal(Calls, statuses.Values.Sum());

        using GrpcChannel channel = fixture.Server.CreateChannel();
        EchoReply reply = await channel.UnaryAsync(TestMethods.Echo, new EchoRequest { Message = "still serving" });
        Assert.Equal("still serving", reply.Message);
    }

    private static byte[] NextFrame(Random random)
    {
        byte[] payload = new EchoRequest
        {
            Message = new string('m', random.Next(0, 40)),
            Payload = ByteString.CopyFrom(RandomBytes(random, random.Next(0, 64))),
        }.ToByteArray();
        byte[] frame = RawGrpc.Frame(payload);

        switch (random.Next(9))
        {
            case 0:
                return frame;
            case 1:
                return RawGrpc.Frame(RandomBytes(random, random.Next(0, 200)));
            case 2:
                frame[random.Next(frame.Length)] ^= (byte)(1 << random.Next(8));
                return frame;
            case 3:
                return frame[..random.Next(0, frame.Length)];
            case 4:
                frame[0] = (byte)random.Next(0, 4);
                return frame;
            case 5:
                frame[1] = (byte)random.Next(0, 256);
                return frame;
            case 6:
                return RawGrpc.Frame(RandomBytes(random, random.Next(0, 100)), compressedFlag: true);
            case 7:
                return RandomBytes(random, random.Next(0, 12));
            default:
                for (int i = 0; i < 3; i++)
                {
                    frame[random.Next(5, Math.Max(6, frame.Length))  % frame.Length] = (byte)random.Next(256);
                }

                return frame;
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
