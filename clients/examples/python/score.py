#!/usr/bin/python3
"""Score application documents on a ScoringGrid server from Python, over gRPC (grpcio).

One Evaluate call per document; prints a line per application (see ../README.md for the format)
and, under it, what is missing for the next level.

    protoc -I proto -I /usr/include --python_out=clients/examples/python/gen proto/scoringgrid/v1/*.proto
    python3 clients/examples/python/score.py --target 127.0.0.1:50051 examples/*.json

Needs grpcio and protobuf (Debian: apt install python3-grpcio python3-protobuf protobuf-compiler).
"""
import argparse
import os
import sys


def number(value):
    """Shortest form, as JSON writes it: 60 rather than 60.0."""
    return str(int(value)) if value.is_integer() else repr(value)


def headline(result):
    """The application's line: what it reached, and how much is still missing."""
    total = "-" if not result.HasField("total_score") else number(result.total_score)
    failed = sum(1 for c in result.criteria if not c.passed)
    return (f"{result.application_id} {result.rule_set}@{result.version} level={result.level or '-'} "
            f"total={total} failed={failed} gaps={len(result.gaps)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", default="127.0.0.1:50051", help="host:port of the server's gRPC endpoint (h2c)")
    parser.add_argument("--api-key", default=os.environ.get("SCORINGGRID_API_KEY"), help="sent as 'authorization: Bearer KEY'")
    parser.add_argument("--gen", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen"),
                        help="where protoc wrote the scoringgrid/v1 Python modules")
    parser.add_argument("files", nargs="+", help="application documents (proto3 JSON, as sg score reads them)")
    args = parser.parse_args()
    sys.path.insert(0, args.gen)

    import grpc
    from google.protobuf import json_format
    from scoringgrid.v1 import application_pb2, scoring_pb2

    # The generated modules hold the messages; the call itself needs only its path and (de)serializers.
    evaluate = grpc.insecure_channel(args.target).unary_unary(
        "/scoringgrid.v1.Scoring/Evaluate",
        request_serializer=scoring_pb2.EvaluateRequest.SerializeToString,
        response_deserializer=scoring_pb2.EvaluateResponse.FromString)
    metadata = [("authorization", f"Bearer {args.api_key}")] if args.api_key else []

    exit_code = 0
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            application = json_format.Parse(f.read(), application_pb2.Application())
        try:
            response = evaluate(scoring_pb2.EvaluateRequest(application=application), metadata=metadata, timeout=10)
        except grpc.RpcError as error:
            if error.code() != grpc.StatusCode.INVALID_ARGUMENT and error.code() != grpc.StatusCode.NOT_FOUND:
                # The call itself failed (unreachable, no key, rate limit): nothing more can be scored.
                print(f"error: {error.code().name}: {error.details()}", file=sys.stderr)
                return 1
            # This application is wrong; the message names the field. The others are still scored.
            print(f"{application.id} error {error.code().name}: {error.details()}")
            exit_code = 2
            continue
        print(headline(response.result))
        for gap in response.result.gaps:
            print(f"  next: {gap.text}")
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
