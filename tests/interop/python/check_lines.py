"""One JSON line per interop check on stdout: what the C# tests read (InteropResults)."""
import json

import grpc


def emit(check, **fields):
    print(json.dumps(dict(check=check, **fields), ensure_ascii=True), flush=True)


def run(check, action):
    """Runs one check: its fields, or the status it failed with, or the exception it raised."""
    try:
        emit(check, **action())
    except grpc.RpcError as error:
        emit(check, code=error.code().name, details=error.details())
    except Exception as error:  # noqa: BLE001 - report, let the C# side fail the check
        emit(check, exception=repr(error))
