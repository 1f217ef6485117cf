#!/usr/bin/env python3
"""Writes tests/jmespath/oracle-1.0.1.json: what jmespath.py prints for every case of the compliance suite.

Run it with the Python of the real AWS CLI 2.36.7 (which bundles jmespath 1.0.1), e.g.
    tools/awscli-v2/bin/python scripts/jmespath_oracle.py
For each case: the expression, and either `stdout` (the result as the CLI prints it: json.dumps(indent=4,
ensure_ascii=False) and a newline) or `error` (str() of the exception, which the CLI puts after `aws: [ERROR]: `).
"""
import glob
import json
import os

import jmespath

assert jmespath.__version__ == '1.0.1', jmespath.__version__
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'jmespath')
out = []
for path in sorted(glob.glob(os.path.join(root, '*.json'))):
    if path.endswith('oracle-1.0.1.json'):
        continue
    for index, group in enumerate(json.load(open(path, encoding='utf-8'))):
        for case in group['cases']:
            expr = case['expression']
            entry = {'file': os.path.basename(path), 'group': index, 'expression': expr}
            try:
                result = jmespath.search(expr, group['given'])
                entry['stdout'] = json.dumps(result, indent=4, ensure_ascii=False) + '\n'
            except Exception as e:  # every kind jmespath raises: the CLI prints str(e)
                entry['error'] = str(e)
            out.append(entry)
with open(os.path.join(root, 'oracle-1.0.1.json'), 'w', encoding='utf-8') as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write('\n')
print(len(out), 'cases')
