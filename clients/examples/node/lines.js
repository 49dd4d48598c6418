// The line each example prints per application (see ../README.md), from a result or an error in
// the proto3 JSON field names, which gRPC (proto-loader, keepCase) and REST answers share.
'use strict';

// What the application reached, and how much is still missing.
function headline(result) {
  const total = result.total_score === undefined || result.total_score === null ? '-' : String(result.total_score);
  const failed = (result.criteria || []).filter((c) => !c.passed).length;
  return `${result.application_id} ${result.rule_set}@${result.version} level=${result.level || '-'} `
    + `total=${total} failed=${failed} gaps=${(result.gaps || []).length}`;
}

// A bad application: its error names the field that was wrong.
function errorLine(applicationId, error) {
  return `${applicationId} error ${error.code}: ${error.field ? `${error.field}: ` : ''}${error.message}`;
}

module.exports = { headline, errorLine };
