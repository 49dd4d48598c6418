// The shipped examples (proto3 JSON of scoringgrid.v1.Application) as plain objects that
// @grpc/proto-loader serializes: shared by the Node interop clients.
'use strict';

const fs = require('fs');
const path = require('path');

// google.protobuf.Value is not mapped from plain JSON by proto-loader: build it field by field.
// The well-known types come from protobufjs' bundled definitions, whose field names are camelCase.
function toValue(value) {
  if (Array.isArray(value)) return { listValue: { values: value.map(toValue) } };
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (value === null) return { nullValue: 'NULL_VALUE' };
  return { structValue: { fields: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toValue(v)])) } };
}

function readExamples(dir) {
  const examples = {};
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const app = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    if (app.expert_scores) {
      app.expert_scores = Object.fromEntries(Object.entries(app.expert_scores).map(([k, v]) => [k, toValue(v)]));
    }
    examples[name] = app;
  }
  return examples;
}

module.exports = { readExamples };
