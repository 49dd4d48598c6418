#!/usr/bin/python3
"""Checks ScoringGrid's OpenAPI description with a JSON Schema validator we did not write.

Reads GET /v1/openapi.json from --url, then validates with python3-jsonschema (Draft 2020-12, the
dialect of OpenAPI 3.1): every shipped example against the Application schema, the server's real
answers (evaluate, evaluate:batch, rule sets, an error) against their response schemas, and two
wrong documents, which must fail. Prints one JSON line per check for the C# test.
Run with Debian's /usr/bin/python3 (apt python3-jsonschema).
"""
import argparse
import glob
import json
import os
import urllib.error
import urllib.request

import jsonschema
from check_lines import run


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--examples", required=True)
    args = parser.parse_args()

    def fetch(path, body=None):
        request = urllib.request.Request(args.url + path, data=None if body is None else json.dumps(body).encode(),
                                         headers={"content-type": "application/json"}, method="GET" if body is None else "POST")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as error:
            return error.code, json.load(error)

    _, document = fetch("/v1/openapi.json")
    jsonschema.Draft202012Validator.check_schema({"$defs": document["components"]["schemas"]})

    def errors(component, instance):
        # The component's $refs point into the document: validate against a root that holds them.
        schema = {"$ref": "#/components/schemas/" + component, "components": document["components"]}
        return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in jsonschema.Draft202012Validator(schema).iter_errors(instance)]

    examples = {os.path.basename(f): json.load(open(f, encoding="utf-8")) for f in sorted(glob.glob(os.path.join(args.examples, "*.json")))}

    def described():
        methods = {path: sorted(item) for path, item in document["paths"].items()}
        return {"openapi": document["openapi"], "methods": methods}

    def requests():
        return {"errors": {name: errors("scoringgrid.v1.Application", app) for name, app in examples.items()}}

    def answers():
        found = {}
        for name, app in examples.items():
            status, body = fetch("/v1/evaluate", {"application": app})
            found[name] = [status] + errors("scoringgrid.v1.EvaluateResponse", body)
        status, body = fetch("/v1/evaluate:batch", {"applications": list(examples.values()), "view": "RESULT_VIEW_SCORES"})
        found["batch"] = [status] + errors("scoringgrid.v1.EvaluateBatchResponse", body)
        status, body = fetch("/v1/rulesets")
        found["rulesets"] = [status] + errors("scoringgrid.v1.ListRuleSetsResponse", body)
        for summary in body["rule_sets"]:
            status, rule_set = fetch("/v1/rulesets/" + summary["id"])
            found[summary["id"]] = [status] + errors("scoringgrid.v1.RuleSet", rule_set)
        status, body = fetch("/v1/rulesets/js-star-1999")
        found["missing"] = [status] + errors("ErrorBody", body)
        return {"found": found}

    def wrong():
        app = dict(next(iter(examples.values())))
        typed = dict(app, applicant=dict(app["applicant"], credit_code=91320500))
        unknown = dict(app, rule_set="js-star-2019")
        return {"wrong_type": errors("scoringgrid.v1.Application", typed), "unknown_field": errors("scoringgrid.v1.Application", unknown)}

    run("described", described)
    run("requests", requests)
    run("answers", answers)
    run("wrong", wrong)


if __name__ == "__main__":
    main()
