#!/usr/bin/python3
"""Python grpcio client for ScoringGrid's gRPC transport interop tests.

Runs every check against a server at --target and prints one JSON line per check; the C# test
asserts on the lines. Message modules come from protoc --python_out in --gen.
Run with Debian's /usr/bin/python3 (apt python3-grpcio), not a pyenv python.
"""
import argparse
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True)
    parser.add_argument("--gen", required=True)
    args = parser.parse_args()
    sys.path.insert(0, args.gen)

    import grpc
    from check_lines import emit, run
    import health_pb2
    import test_service_pb2 as pb

    channel = grpc.insecure_channel(args.target, options=[("grpc.enable_http_proxy", 0)])
    grpc.channel_ready_future(channel).result(timeout=15)
    prefix = "/scoringgrid.test.v1.TestService/"
    ser, de = pb.EchoRequest.SerializeToString, pb.EchoReply.FromString
    echo = channel.unary_unary(prefix + "Echo", request_serializer=ser, response_deserializer=de)
    server_stream = channel.unary_stream(prefix + "ServerStream", request_serializer=ser, response_deserializer=de)
    client_stream = channel.stream_unary(prefix + "ClientStream", request_serializer=ser, response_deserializer=de)
    duplex = channel.stream_stream(prefix + "Duplex", request_serializer=ser, response_deserializer=de)
    wait = channel.unary_unary(prefix + "WaitForCancellation", request_serializer=ser, response_deserializer=de)
    missing = channel.unary_unary(prefix + "Missing", request_serializer=ser, response_deserializer=de)
    health = channel.unary_unary("/grpc.health.v1.Health/Check",
                                 request_serializer=health_pb2.HealthCheckRequest.SerializeToString,
                                 response_deserializer=health_pb2.HealthCheckResponse.FromString)

    run("unary", lambda: {"message": echo(pb.EchoRequest(message="hello 云"), timeout=10).message})
    run("server_stream", lambda: {"indexes": [r.index for r in server_stream(pb.EchoRequest(message="s", count=5), timeout=10)]})
    run("client_stream", lambda: (lambda r: {"message": r.message, "count": r.count})(
        client_stream(iter([pb.EchoRequest(message=m) for m in ("a", "b", "c")]), timeout=10)))
    run("duplex", lambda: {"messages": [r.message for r in duplex(iter([pb.EchoRequest(message=f"m{i}") for i in range(3)]), timeout=10)]})
    run("error", lambda: {"message": echo(pb.EchoRequest(fail_code=5, fail_message="规则集不存在 100%"), timeout=10).message})
    run("unknown", lambda: {"message": echo(pb.EchoRequest(throw_exception=True), timeout=10).message})
    run("deadline", lambda: {"message": wait(pb.EchoRequest(), timeout=0.3).message})
    big = "z" * 100000
    run("gzip", lambda: {"length": len(echo(pb.EchoRequest(message=big), timeout=10, compression=grpc.Compression.Gzip).message)})

    def metadata():
        _, call = echo.with_call(pb.EchoRequest(), timeout=10,
                                 metadata=[("x-echo-bin", b"\x00\x01\xfe\xff"), ("x-echo-text", "plain")])
        trailers = dict(call.trailing_metadata())
        return {"bin": trailers["x-echo-bin"].hex(), "text": trailers["x-echo-text"]}

    run("metadata", metadata)
    run("too_large", lambda: {"message": echo(pb.EchoRequest(payload=b"\x00" * (5 * 1024 * 1024)), timeout=20).message})
    run("unimplemented", lambda: {"message": missing(pb.EchoRequest(), timeout=10).message})
    run("health", lambda: {"status": health_pb2.HealthCheckResponse.ServingStatus.Name(
        health(health_pb2.HealthCheckRequest(service=""), timeout=10).status)})
    channel.close()


if __name__ == "__main__":
    main()
