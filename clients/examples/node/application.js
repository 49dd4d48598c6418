// An application document (the proto3 JSON form of scoringgrid.v1.Application, as `sg score` reads
// it) as the object @grpc/proto-loader serializes.
'use strict';

// proto-loader maps plain JSON onto every field but google.protobuf.Value (an expert score may be a
// number, a string or a list): that one is built field by field, with the camelCase names of
// protobufjs' bundled well-known types.
function toValue(value) {
  if (Array.isArray(value)) return { listValue: { values: value.map(toValue) } };
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (value === null) return { nullValue: 'NULL_VALUE' };
  return { structValue: { fields: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toValue(v)])) } };
}

function toMessage(document) {
  const application = { ...document };
  if (document.expert_scores) {
    application.expert_scores = Object.fromEntries(Object.entries(document.expert_scores).map(([k, v]) => [k, toValue(v)]));
  }
  return application;
}

module.exports = { toMessage };
