#!/usr/bin/python3
"""Python grpcio client for ScoringGrid's Scoring service interop tests.

Runs every check against a ScoringGrid server at --target and prints one JSON line per check;
the C# test (tests/ScoringGrid.Server.Interop.Tests) asserts on the lines. Message modules come
from Debian's protoc --python_out in --gen: scoringgrid/v1/*_pb2.py plus flat health_pb2.py and
reflection_v1alpha_pb2.py (a generated "grpc/" package would shadow the grpc library).
Run with Debian's /usr/bin/python3 (apt python3-grpcio), not a pyenv python.
"""
import argparse
import os
import sys
import threading
import time

STREAM_SIZE = 200


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True)
    parser.add_argument("--gen", required=True)
    parser.add_argument("--examples", required=True)
    parser.add_argument("--root-cert", help="PEM certificate to trust: the checks then run over TLS")
    args = parser.parse_args()
    sys.path.insert(0, args.gen)

    import grpc
    from check_lines import emit, run
    from google.protobuf import descriptor_pb2, json_format
    import health_pb2
    import reflection_v1alpha_pb2 as reflection_pb2
    import rpc_error_details_pb2
    import rpc_status_pb2
    from scoringgrid.v1 import application_pb2, ruleset_pb2, scoring_pb2 as pb

    options = [("grpc.enable_http_proxy", 0)]
    if args.root_cert:
        with open(args.root_cert, "rb") as f:
            channel = grpc.secure_channel(args.target, grpc.ssl_channel_credentials(root_certificates=f.read()), options=options)
    else:
        channel = grpc.insecure_channel(args.target, options=options)
    grpc.channel_ready_future(channel).result(timeout=15)
    prefix = "/scoringgrid.v1.Scoring/"
    ser, de = pb.EvaluateRequest.SerializeToString, pb.EvaluateResponse.FromString
    evaluate = channel.unary_unary(prefix + "Evaluate", request_serializer=ser, response_deserializer=de)
    evaluate_stream = channel.stream_stream(prefix + "EvaluateStream", request_serializer=ser, response_deserializer=de)
    list_rule_sets = channel.unary_unary(prefix + "ListRuleSets", request_serializer=pb.ListRuleSetsRequest.SerializeToString,
                                         response_deserializer=pb.ListRuleSetsResponse.FromString)
    get_rule_set = channel.unary_unary(prefix + "GetRuleSet", request_serializer=pb.GetRuleSetRequest.SerializeToString,
                                       response_deserializer=ruleset_pb2.RuleSet.FromString)
    health = channel.unary_unary("/grpc.health.v1.Health/Check",
                                 request_serializer=health_pb2.HealthCheckRequest.SerializeToString,
                                 response_deserializer=health_pb2.HealthCheckResponse.FromString)
    reflection = channel.stream_stream("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
                                       request_serializer=reflection_pb2.ServerReflectionRequest.SerializeToString,
                                       response_deserializer=reflection_pb2.ServerReflectionResponse.FromString)

    # The examples are the proto3 JSON form of Application: the same files `sg score` reads.
    examples = {}
    for name in sorted(os.listdir(args.examples)):
        if name.endswith(".json"):
            with open(os.path.join(args.examples, name), encoding="utf-8") as f:
                examples[name] = json_format.Parse(f.read(), application_pb2.Application())

    def example(prefix):
        app = application_pb2.Application()
        app.CopyFrom(next(a for n, a in examples.items() if n.startswith(prefix + "-")))
        return app

    def summary(response):
        result = response.result
        return {
            "application_id": response.application_id,
            "outcome": response.WhichOneof("outcome"),
            "rule_set": result.rule_set,
            "digest": result.digest,
            "level": result.level,
            "total_score": result.total_score if result.HasField("total_score") else None,
            "criteria": len(result.criteria),
        }

    def evaluate_examples():
        return {"results": {name: summary(evaluate(pb.EvaluateRequest(application=app), timeout=10)) for name, app in examples.items()}}

    def stream():
        applications = []
        for i in range(STREAM_SIZE):
            app = example("js-star-2019" if i % 2 == 0 else "zj-cloud-enterprise-2021")
            app.id = f"app-{i}"
            if i % 7 == 3:
                app.figures["annual_cloud_investment_yuan"] = -5
            applications.append(app)
        responses = list(evaluate_stream(iter(pb.EvaluateRequest(application=a) for a in applications), timeout=30))
        return {
            "count": len(responses),
            "ids": [r.application_id for r in responses],
            "errors": {str(i): {"code": r.error.code, "field": r.error.field}
                       for i, r in enumerate(responses) if r.WhichOneof("outcome") == "error"},
            "results": sum(1 for r in responses if r.WhichOneof("outcome") == "result"),
        }

    def unknown_item():
        app = example("js-star-2019")
        app.items.append("app.does_not_exist")
        try:
            evaluate(pb.EvaluateRequest(application=app), timeout=10)
            return {"index": len(app.items) - 1}
        except grpc.RpcError as error:
            # The rich error model: google.rpc.Status in grpc-status-details-bin, its detail a BadRequest.
            trailers = dict(error.trailing_metadata() or ())
            status = rpc_status_pb2.Status.FromString(trailers["grpc-status-details-bin"])
            bad_request = rpc_error_details_pb2.BadRequest()
            status.details[0].Unpack(bad_request)
            return {"code": error.code().name, "details": error.details(), "status_code": status.code, "status_message": status.message,
                    "fields": [v.field for v in bad_request.field_violations]}

    def unknown_rule_set():
        app = example("js-star-2019")
        app.ruleset = "no-such-programme"
        return summary(evaluate(pb.EvaluateRequest(application=app), timeout=10))

    def deadline():
        # Send one application and keep the request stream open past a 1 s deadline (room for the one answer on a busy machine).
        release = threading.Event()

        def requests():
            yield pb.EvaluateRequest(application=example("js-star-2019"))
            release.wait(10)

        received, started = 0, time.monotonic()
        try:
            for _ in evaluate_stream(requests(), timeout=1.0):
                received += 1
            return {"received": received, "message": "stream ended without an error"}
        except grpc.RpcError as error:
            return {"code": error.code().name, "received": received, "elapsed_ms": int((time.monotonic() - started) * 1000)}
        finally:
            release.set()

    def gzip():
        response = evaluate(pb.EvaluateRequest(application=example("js-star-2019")), timeout=10, compression=grpc.Compression.Gzip)
        return summary(response)

    def rule_sets():
        listed = list_rule_sets(pb.ListRuleSetsRequest(), timeout=10)
        iiot = get_rule_set(pb.GetRuleSetRequest(rule_set="js-iiot-platform-2019@2019.1"), timeout=10)
        try:
            get_rule_set(pb.GetRuleSetRequest(rule_set="nope"), timeout=10)
            missing = "OK"
        except grpc.RpcError as error:
            missing = error.code().name
        return {
            "ids": sorted(r.id for r in listed.rule_sets),
            "levels": list(iiot.summary.levels),
            "rules": [f"{r.level}/{r.id}" for r in iiot.rules],
            "missing": missing,
        }

    def health_check():
        response = health(health_pb2.HealthCheckRequest(service="scoringgrid.v1.Scoring"), timeout=10)
        return {"status": health_pb2.HealthCheckResponse.ServingStatus.Name(response.status)}

    def reflect():
        requests = [reflection_pb2.ServerReflectionRequest(list_services=""),
                    reflection_pb2.ServerReflectionRequest(file_containing_symbol="scoringgrid.v1.Scoring")]
        listed, described = list(reflection(iter(requests), timeout=10))
        files = [descriptor_pb2.FileDescriptorProto.FromString(b) for b in described.file_descriptor_response.file_descriptor_proto]
        return {
            "services": sorted(s.name for s in listed.list_services_response.service),
            "files": sorted(f.name for f in files),
            "methods": sorted(m.name for f in files for s in f.service if f.package == "scoringgrid.v1" for m in s.method),
        }

    run("evaluate", evaluate_examples)
    run("evaluate_stream", stream)
    run("unknown_item", unknown_item)
    run("unknown_rule_set", unknown_rule_set)
    run("health", health_check)
    run("deadline", deadline)
    run("gzip", gzip)
    run("rule_sets", rule_sets)
    run("reflection", reflect)
    channel.close()


if __name__ == "__main__":
    main()
