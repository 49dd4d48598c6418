using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// usage: ceiling PORT RESPONSE.bin   (RESPONSE.bin: one serialized protobuf message, unframed)
if (args.Length < 2 || !int.TryParse(args[0], out int port))
{
    Console.Error.WriteLine("usage: ceiling PORT RESPONSE.bin");
    return 2;
}

byte[] message = File.ReadAllBytes(args[1]);
byte[] framed = new byte[5 + message.Length];
BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)message.Length);
message.CopyTo(framed, 5);

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
    kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
var app = builder.Build();
app.Run(async context =>
{
    context.Response.ContentType = "application/grpc";
    context.Response.AppendTrailer("grpc-status", "0");
    if (context.Request.Path.Value?.EndsWith("/EvaluateStream", StringComparison.Ordinal) == true)
    {
        await AnswerEachFrame(context);
        return;
    }

    // Drain the request so the stream closes cleanly, then answer like a gRPC server would.
    await context.Request.Body.CopyToAsync(Stream.Null);
    await context.Response.BodyWriter.WriteAsync(framed);
});
Console.WriteLine($"listening 127.0.0.1:{port}");
await app.RunAsync();
return 0;

// The streaming ceiling: the fixed response for every complete request frame, flushed once per read,
// with no parsing beyond the 5-byte prefix.
async Task AnswerEachFrame(HttpContext context)
{
    var input = context.Request.BodyReader;
    var output = context.Response.BodyWriter;
    long needed = 5;
    while (true)
    {
        var read = await input.ReadAsync();
        var buffer = read.Buffer;
        var answered = 0;
        while (buffer.Length >= needed)
        {
            if (needed == 5)
            {
                needed = 5 + MessageLength(buffer);
                continue;
            }

            buffer = buffer.Slice(needed);
            needed = 5;
            output.Write(framed);
            answered++;
        }

        input.AdvanceTo(buffer.Start, buffer.End);
        if (answered > 0)
        {
            await output.FlushAsync();
        }

        if (read.IsCompleted)
        {
            return;
        }
    }
}

static uint MessageLength(ReadOnlySequence<byte> frame)
{
    Span<byte> prefix = stackalloc byte[5];
    frame.Slice(0, 5).CopyTo(prefix);
    return BinaryPrimitives.ReadUInt32BigEndian(prefix[1..]);
}
