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
    // Drain the request so the stream closes cleanly, then answer like a gRPC server would.
    await context.Request.Body.CopyToAsync(Stream.Null);
    context.Response.ContentType = "application/grpc";
    context.Response.AppendTrailer("grpc-status", "0");
    await context.Response.BodyWriter.WriteAsync(framed);
});
Console.WriteLine($"listening 127.0.0.1:{port}");
await app.RunAsync();
return 0;
