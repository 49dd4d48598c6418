#!/usr/bin/python3
"""Python grpcio server for ScoringGrid's gRPC transport interop tests.

Serves scoringgrid.test.v1.TestService (same behaviour as the C# test service) and
grpc.health.v1.Health on 127.0.0.1 with a free port, prints "PORT <n>", and runs until stdin closes.
Run with Debian's /usr/bin/python3 (apt python3-grpcio).
"""
import argparse
import sys
import time
from concurrent import futures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gen", required=True)
    args = parser.parse_args()
    sys.path.insert(0, args.gen)

    import grpc
    import health_pb2
    import test_service_pb2 as pb

    codes = {code.value[0]: code for code in grpc.StatusCode}

    def fail_if_asked(request, context):
        if request.throw_exception:
            raise ValueError("secret handler detail")
        if 0 < request.fail_code <= 16:
            context.abort(codes[request.fail_code], request.fail_message)

    def sleep(ms, context):
        end = time.monotonic() + ms / 1000.0
        while time.monotonic() < end and context.is_active():
            time.sleep(0.01)

    def echo(request, context):
        sleep(request.delay_ms, context)
        fail_if_asked(request, context)
        context.set_trailing_metadata(tuple((k, v) for k, v in context.invocation_metadata() if k.startswith("x-echo")))
        payload = b"\x00" * request.reply_size if request.reply_size > 0 else request.payload
        return pb.EchoReply(message=request.message, payload=payload)

    def server_stream(request, context):
        for i in range(request.count):
            sleep(request.delay_ms, context)
            yield pb.EchoReply(message=request.message, index=i)
        fail_if_asked(request, context)

    def client_stream(requests, context):
        messages, size = [], 0
        for request in requests:
            fail_if_asked(request, context)
            messages.append(request.message)
            size += len(request.payload)
        return pb.EchoReply(message=",".join(messages), count=len(messages), index=size)

    def duplex(requests, context):
        for i, request in enumerate(requests):
            fail_if_asked(request, context)
            yield pb.EchoReply(message=request.message, index=i)

    def wait(request, context):
        while context.is_active():
            time.sleep(0.02)
        return pb.EchoReply()

    statuses = {"": health_pb2.HealthCheckResponse.SERVING, "scoringgrid.test.v1.TestService": health_pb2.HealthCheckResponse.SERVING}

    def check(request, context):
        if request.service not in statuses:
            context.abort(grpc.StatusCode.NOT_FOUND, "unknown service")
        return health_pb2.HealthCheckResponse(status=statuses[request.service])

    req, rep = pb.EchoRequest.FromString, pb.EchoReply.SerializeToString
    test_service = grpc.method_handlers_generic_handler("scoringgrid.test.v1.TestService", {
        "Echo": grpc.unary_unary_rpc_method_handler(echo, req, rep),
        "ServerStream": grpc.unary_stream_rpc_method_handler(server_stream, req, rep),
        "ClientStream": grpc.stream_unary_rpc_method_handler(client_stream, req, rep),
        "Duplex": grpc.stream_stream_rpc_method_handler(duplex, req, rep),
        "WaitForCancellation": grpc.unary_unary_rpc_method_handler(wait, req, rep),
    })
    health_service = grpc.method_handlers_generic_handler("grpc.health.v1.Health", {
        "Check": grpc.unary_unary_rpc_method_handler(
            check, health_pb2.HealthCheckRequest.FromString, health_pb2.HealthCheckResponse.SerializeToString),
    })

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=16), handlers=[test_service, health_service],
                         options=[("grpc.enable_http_proxy", 0)])
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    print(f"PORT {port}", flush=True)
    sys.stdin.read()
    server.stop(grace=1).wait()


if __name__ == "__main__":
    main()
