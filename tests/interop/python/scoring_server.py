#!/usr/bin/python3
"""Python grpcio server for scoringgrid.v1.Scoring, to prove our C# ScoringClient against a real server.

Evaluate answers every application with a fixed result (grpc-status OK) that echoes the application
id and the caller's authorization header; an application whose items contain an unknown id fails with
INVALID_ARGUMENT and a non-ASCII message naming the field. EvaluateStream answers each request the same
way, with the error in its response. Listens on 127.0.0.1 with a free port, prints "PORT <n>", and
runs until stdin closes. Run with Debian's /usr/bin/python3 (apt python3-grpcio); --gen holds the
messages from protoc --python_out.
"""
import argparse
import sys
from concurrent import futures

UNKNOWN_ITEM = "app.does_not_exist"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gen", required=True)
    args = parser.parse_args()
    sys.path.insert(0, args.gen)

    import grpc
    from scoringgrid.v1 import result_pb2, scoring_pb2 as pb

    def fault(application):
        for i, item in enumerate(application.items):
            if item == UNKNOWN_ITEM:
                return f"items[{i}]: 未知的清单项 '{item}' (规则集 {application.ruleset}) 100%"
        return None

    def fixed_response(application, context):
        authorization = dict(context.invocation_metadata()).get("authorization", "")
        return pb.EvaluateResponse(application_id=application.id, result=result_pb2.ScoreResult(
            rule_set=application.ruleset, version="python-1", application_id=application.id, level="3-star",
            eligible=True, total_score=87.5, priorities=["云上 priority"], notes=[authorization],
            criteria=[result_pb2.Criterion(id="gate.basic", level="3-star", passed=True, required=1, points=2, max_points=2,
                                           explanation="fixed by the python server", explanation_zh="固定结果", kind="check")]))

    def evaluate(request, context):
        message = fault(request.application)
        if message is not None:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, message)
        return fixed_response(request.application, context)

    def evaluate_stream(requests, context):
        for request in requests:
            message = fault(request.application)
            if message is None:
                yield fixed_response(request.application, context)
            else:
                yield pb.EvaluateResponse(application_id=request.application.id,
                                          error=result_pb2.Error(code="INVALID_ARGUMENT", field="items", message=message))

    req, rep = pb.EvaluateRequest.FromString, pb.EvaluateResponse.SerializeToString
    scoring = grpc.method_handlers_generic_handler("scoringgrid.v1.Scoring", {
        "Evaluate": grpc.unary_unary_rpc_method_handler(evaluate, req, rep),
        "EvaluateStream": grpc.stream_stream_rpc_method_handler(evaluate_stream, req, rep),
    })
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8), handlers=[scoring], options=[("grpc.enable_http_proxy", 0)])
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    print(f"PORT {port}", flush=True)
    sys.stdin.read()
    server.stop(grace=1).wait()


if __name__ == "__main__":
    main()
