#!/usr/bin/python3
"""Makes the h2load request bodies (a framed EvaluateRequest from an example document, and a stream body
of many such frames for EvaluateStream) and the fixed response the baselines return (ScoringGrid's own
EvaluateResponse for it, fetched with grpcio), and checks that a server answers Evaluate, and
EvaluateStream message for message, with grpc-status OK (h2load only sees HTTP status)."""
import argparse, importlib, os, struct, subprocess, sys, tempfile

def load_messages(proto_root):
    out = tempfile.mkdtemp(prefix="sg-py-")
    protos = ["scoringgrid/v1/application.proto", "scoringgrid/v1/result.proto",
              "scoringgrid/v1/ruleset.proto", "scoringgrid/v1/verification.proto", "scoringgrid/v1/scoring.proto"]
    subprocess.check_call(["protoc", "-I", proto_root, "-I", "/usr/include", "--python_out=" + out] + protos)
    sys.path.insert(0, out)
    return importlib.import_module("scoringgrid.v1.scoring_pb2"), importlib.import_module("scoringgrid.v1.application_pb2")

def evaluate(scoring_pb2, target, request):
    import grpc
    with grpc.insecure_channel(target, options=[("grpc.enable_http_proxy", 0)]) as channel:
        call = channel.unary_unary("/scoringgrid.v1.Scoring/Evaluate",
                                   request_serializer=scoring_pb2.EvaluateRequest.SerializeToString,
                                   response_deserializer=scoring_pb2.EvaluateResponse.FromString)
        return call(request, timeout=10)

def evaluate_stream(scoring_pb2, target, request, count):
    import grpc
    with grpc.insecure_channel(target, options=[("grpc.enable_http_proxy", 0)]) as channel:
        call = channel.stream_stream("/scoringgrid.v1.Scoring/EvaluateStream",
                                     request_serializer=scoring_pb2.EvaluateRequest.SerializeToString,
                                     response_deserializer=scoring_pb2.EvaluateResponse.FromString)
        return list(call(iter([request] * count), timeout=60))

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--proto-root", required=True)
    p.add_argument("--example", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--server", help="host:port of ScoringGrid to fetch the response from")
    p.add_argument("--check", nargs="*", default=[], help="host:port of servers that must answer OK")
    p.add_argument("--stream-count", type=int, default=10000, help="requests per EvaluateStream body")
    p.add_argument("--check-stream", help="host:port of ScoringGrid, whose EvaluateStream must answer every request")
    a = p.parse_args()
    scoring_pb2, application_pb2 = load_messages(a.proto_root)
    from google.protobuf import json_format
    app = json_format.Parse(open(a.example, encoding="utf-8").read(), application_pb2.Application())
    request = scoring_pb2.EvaluateRequest(application=app)
    body = request.SerializeToString()
    with open(os.path.join(a.out, "request.bin"), "wb") as f:
        f.write(b"\x00" + struct.pack(">I", len(body)) + body)
    # The same request asking for the SCORES view (numbers only, no texts or gaps).
    scores = scoring_pb2.EvaluateRequest(application=app, view=scoring_pb2.RESULT_VIEW_SCORES).SerializeToString()
    with open(os.path.join(a.out, "request_scores.bin"), "wb") as f:
        f.write(b"\x00" + struct.pack(">I", len(scores)) + scores)
    # EvaluateStream bodies: the same framed request, many times over, sent on one HTTP/2 stream.
    for name, message in (("stream.bin", body), ("stream_scores.bin", scores)):
        with open(os.path.join(a.out, name), "wb") as f:
            f.write((b"\x00" + struct.pack(">I", len(message)) + message) * a.stream_count)
    if a.server:
        response = evaluate(scoring_pb2, a.server, request)
        assert response.WhichOneof("outcome") == "result", response
        with open(os.path.join(a.out, "response.bin"), "wb") as f:
            f.write(response.SerializeToString())
        scores_response = evaluate(scoring_pb2, a.server, scoring_pb2.EvaluateRequest(application=app, view=scoring_pb2.RESULT_VIEW_SCORES))
        with open(os.path.join(a.out, "response_scores.bin"), "wb") as f:
            f.write(scores_response.SerializeToString())
    for target in a.check:
        response = evaluate(scoring_pb2, target, request)
        assert response.result.level == "3-star", (target, response)
        print(f"{target}: Evaluate OK, level {response.result.level}")
    if a.check_stream:
        # What h2load's byte count is later compared with: every stream response equals the unary one.
        for name, message in (("response.bin", request), ("response_scores.bin", scoring_pb2.EvaluateRequest.FromString(scores))):
            expected = open(os.path.join(a.out, name), "rb").read()
            responses = evaluate_stream(scoring_pb2, a.check_stream, message, 1000)
            assert len(responses) == 1000 and all(r.SerializeToString() == expected for r in responses), name
        print(f"{a.check_stream}: EvaluateStream OK, 1000 responses per view equal to the unary response")

if __name__ == "__main__":
    main()
