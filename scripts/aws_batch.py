#!/usr/bin/env python3
"""Runs many AWS CLI commands in one Python process (for tests/cli_parity.rs): one JSON list of arguments per line
on stdin, one JSON object {"stdout", "stderr", "exit_code"} per line on stdout. Each command gets a fresh CLI
driver, as `aws` would; only the interpreter start and the imports (most of the half second an `aws` run costs)
are shared. Run it with the Python of the real CLI: tools/awscli-v2/bin/python scripts/aws_batch.py
"""
import io
import json
import sys

from awscli.clidriver import create_clidriver

real_stdout = sys.stdout
for line in sys.stdin:
    args = json.loads(line)
    out, err = io.StringIO(), io.StringIO()
    sys.stdout, sys.stderr = out, err
    try:
        rc = create_clidriver().main(args)
    except SystemExit as e:
        rc = e.code if isinstance(e.code, int) else 0
    finally:
        sys.stdout, sys.stderr = real_stdout, sys.__stderr__
    real_stdout.write(json.dumps({'stdout': out.getvalue(), 'stderr': err.getvalue(), 'exit_code': rc}) + '\n')
    real_stdout.flush()
