#!/usr/bin/python3
"""Python grpcio client for ScoringGrid's rate-limit interop test.

Calls a ScoringGrid server at --target with --key, a key whose rate limit is 1 per second with a
burst of 1, and prints one JSON line per check; the C# test
(tests/ScoringGrid.Server.Interop.Tests) asserts on the lines. grpcio's own retry machinery (a
retry policy in the service config) must honour the server's grpc-retry-pushback-ms trailer.
Run with Debian's /usr/bin/python3 (apt python3-grpcio), not a pyenv python.
"""
import argparse
import json
import sys
import time

STREAM_SIZE = 4


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--gen", required=True)
    parser.add_argument("--example", required=True)
    args = parser.parse_args()
    sys.path.insert(0, args.gen)

    import grpc
    import rpc_error_details_pb2
    import rpc_status_pb2
    from check_lines import emit, run
    from google.protobuf import json_format
    from scoringgrid.v1 import application_pb2, scoring_pb2 as pb

    with open(args.example, encoding="utf-8") as f:
        example = json_format.Parse(f.read(), application_pb2.Application())

    # Retries a few milliseconds apart: far too soon for a token (one a second), unless the client
    # waits as long as the server's pushback says.
    retry_config = json.dumps({"methodConfig": [{
        "name": [{"service": "scoringgrid.v1.Scoring"}],
        "retryPolicy": {"maxAttempts": 3, "initialBackoff": "0.001s", "maxBackoff": "0.002s",
                        "backoffMultiplier": 1.0, "retryableStatusCodes": ["RESOURCE_EXHAUSTED"]},
    }]})
    plain = grpc.insecure_channel(args.target, options=[("grpc.enable_http_proxy", 0), ("grpc.enable_retries", 0)])
    retrying = grpc.insecure_channel(args.target, options=[
        ("grpc.enable_http_proxy", 0), ("grpc.enable_retries", 1), ("grpc.service_config", retry_config)])
    metadata = [("authorization", "Bearer " + args.key)]

    def list_rule_sets(channel):
        return channel.unary_unary("/scoringgrid.v1.Scoring/ListRuleSets",
                                   request_serializer=pb.ListRuleSetsRequest.SerializeToString,
                                   response_deserializer=pb.ListRuleSetsResponse.FromString)

    def refused():
        # Two calls at once against a burst of one: one passes, the other is told when to come back.
        calls = [list_rule_sets(plain).future(pb.ListRuleSetsRequest(), metadata=metadata, timeout=10) for _ in range(2)]
        errors = [call.exception() for call in calls]
        passed = sum(1 for error in errors if error is None)
        refusals = [error for error in errors if error is not None]
        if not refusals:
            return {"code": "OK", "passed": str(passed)}
        error = refusals[0]
        trailers = dict(error.trailing_metadata() or ())
        # The same wait in the rich error model: google.rpc.RetryInfo in grpc-status-details-bin.
        status = rpc_status_pb2.Status.FromString(trailers["grpc-status-details-bin"])
        retry_info = rpc_error_details_pb2.RetryInfo()
        status.details[0].Unpack(retry_info)
        return {"passed": str(passed), "code": error.code().name, "details": error.details(),
                "pushback_ms": trailers.get("grpc-retry-pushback-ms"), "retry_delay_ms": retry_info.retry_delay.ToMilliseconds()}

    def retried():
        started = time.monotonic()
        response = list_rule_sets(retrying)(pb.ListRuleSetsRequest(), metadata=metadata, timeout=10)
        return {"code": "OK", "rule_sets": len(response.rule_sets), "elapsed_ms": int((time.monotonic() - started) * 1000)}

    def paced_stream():
        # A stream is paced to the key's rate, not refused: every application is answered, each
        # answer as soon as its token came (arrival times relative to the first answer).
        evaluate_stream = retrying.stream_stream("/scoringgrid.v1.Scoring/EvaluateStream",
                                                 request_serializer=pb.EvaluateRequest.SerializeToString,
                                                 response_deserializer=pb.EvaluateResponse.FromString)
        requests = []
        for i in range(STREAM_SIZE):
            app = application_pb2.Application()
            app.CopyFrom(example)
            app.id = f"paced-{i}"
            requests.append(pb.EvaluateRequest(application=app, view=pb.RESULT_VIEW_SCORES))
        ids, outcomes, arrivals = [], [], []
        for response in evaluate_stream(iter(requests), metadata=metadata, timeout=30):
            ids.append(response.application_id)
            outcomes.append(response.WhichOneof("outcome"))
            arrivals.append(time.monotonic())
        return {"ids": ids, "outcomes": outcomes, "arrival_ms": [int((t - arrivals[0]) * 1000) for t in arrivals]}

    # Connected before the first token is spent, so connecting cannot spread the calls apart.
    for channel in (plain, retrying):
        grpc.channel_ready_future(channel).result(timeout=10)
    run("refused", refused)
    run("retried", retried)
    run("paced_stream", paced_stream)
    plain.close()
    retrying.close()


if __name__ == "__main__":
    main()
