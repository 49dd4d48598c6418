#!/usr/bin/python3
"""Python grpcio client for ScoringGrid's connection interop tests (connection age, keepalive).

Runs the --checks named, printing one JSON line per check; the C# test
(tests/ScoringGrid.Server.Interop.Tests) asserts on the lines. With a server that sends every
connection GOAWAY when it is --age seconds old: a stream open across its connection's GOAWAY
finishes, and a channel calling on across several ages never shows the application an error (grpcio
reconnects by itself). With a server that pings idle connections: a channel idle for --idle seconds
answers the pings and calls on, on the same connection.
Run with Debian's /usr/bin/python3 (apt python3-grpcio), not a pyenv python.
"""
import argparse
import sys
import threading
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True)
    parser.add_argument("--gen", required=True)
    parser.add_argument("--example", required=True)
    parser.add_argument("--checks", default="stream_across_age,unary_across_ages")
    parser.add_argument("--age", type=float, default=1)
    parser.add_argument("--idle", type=float, default=3)
    args = parser.parse_args()
    sys.path.insert(0, args.gen)

    import grpc
    from check_lines import run
    from google.protobuf import json_format
    from scoringgrid.v1 import application_pb2, scoring_pb2 as pb

    with open(args.example, encoding="utf-8") as f:
        example = json_format.Parse(f.read(), application_pb2.Application())
    channel = grpc.insecure_channel(args.target, options=[("grpc.enable_http_proxy", 0)])
    evaluate = channel.unary_unary("/scoringgrid.v1.Scoring/Evaluate",
                                   request_serializer=pb.EvaluateRequest.SerializeToString,
                                   response_deserializer=pb.EvaluateResponse.FromString)
    evaluate_stream = channel.stream_stream("/scoringgrid.v1.Scoring/EvaluateStream",
                                            request_serializer=pb.EvaluateRequest.SerializeToString,
                                            response_deserializer=pb.EvaluateResponse.FromString)

    def request(application_id):
        app = application_pb2.Application()
        app.CopyFrom(example)
        app.id = application_id
        return pb.EvaluateRequest(application=app, view=pb.RESULT_VIEW_SCORES)

    def stream_across_age():
        # One application, its answer, then a wait of 2.5 ages (the connection has had its GOAWAY),
        # then three more on the same stream.
        first_answered = threading.Event()

        def requests():
            yield request("before")
            first_answered.wait(10)
            time.sleep(2.5 * args.age)
            for i in range(3):
                yield request(f"after-{i}")

        ids = []
        for response in evaluate_stream(requests(), timeout=30):
            ids.append(response.application_id)
            first_answered.set()
        return {"code": "OK", "ids": ids}

    def unary_across_ages():
        # Calls one after another for three ages: each connection is sent away under them.
        calls, failures = 0, []
        until = time.monotonic() + 3 * args.age
        while time.monotonic() < until:
            try:
                evaluate(request(f"unary-{calls}"), timeout=10)
            except grpc.RpcError as error:
                failures.append(f"{error.code().name}: {error.details()}")
            calls += 1
            time.sleep(0.02)
        return {"calls": calls, "failures": failures}

    def idle_across_pings():
        # A call, --idle seconds of silence (the server pings; grpcio answers), another call.
        evaluate(request("before-idle"), timeout=10)
        time.sleep(args.idle)
        evaluate(request("after-idle"), timeout=10)
        return {"code": "OK"}

    checks = {"stream_across_age": stream_across_age, "unary_across_ages": unary_across_ages, "idle_across_pings": idle_across_pings}
    grpc.channel_ready_future(channel).result(timeout=10)
    for name in args.checks.split(","):
        run(name, checks[name])
    channel.close()


if __name__ == "__main__":
    main()
