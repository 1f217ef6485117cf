#!/usr/bin/env python3
"""Writes tests/yaml/oracle.json: how AWS CLI 2.36.7 prints values with `--output yaml` and `yaml-stream`.

Run it with the Python of the real CLI (ruamel.yaml 0.19.1 with its C emitter, as the CLI uses it):
    tools/awscli-v2/bin/python scripts/yaml_oracle.py
Each case is a JSON value and the CLI's YAMLDumper output for it (`yaml`), and for `[value]` (`yaml_stream`).
"""
import io
import json
import os

from awscli.formatter import YAMLDumper

strings = [
    '', ' ', 'a', '0', '-1', '+1', '1.5', '.5', '1e3', '1E3', '1e+3', '.inf', '-.Inf', '.nan', '0x1F', '0o17', '0b101',
    '1_000', '_1', '0.', '+.5e-3', '.5e3', 'true', 'True', 'TRUE', 'tRue', 'false', 'yes', 'no', 'on', 'off', 'y', 'n',
    'null', 'Null', 'NULL', 'nUll', '~', '<<', '=', '!', '&', '*', '2024-01-01', '2024-01-01T00:00:00+00:00',
    '2024-01-01T00:00:00.123000+00:00', '2024-1-1 1:00:00', '2024-01-01 00:00:00 Z', '2024-01-0', '12:30:00',
    'hello world', 'a: b', 'a:b', 'a :b', 'a #b', 'a#b', '#a', '- a', '-a', '-', '--', '---', '---a', '...', '? a', '?a',
    ':a', ': a', 'a:', 'a,b', '[a]', 'a]', '{a}', 'a}', '&a', '*a', '!a', '|a', '>a', "'a", '"a', '%a', '@a', '`a',
    "it's", 'say "hi"', "both ' and \"", 'back\\slash', 'tab\there', 'line\nbreak', 'two\n\nbreaks', 'trail\n',
    '\nlead', 'sp \nbreak', 'break\n sp', ' lead', 'trail ', 'in  two', 'é', 'naïve café', '日本語', 'emoji 😀',
    '\u00a0nbsp', 'nel\u0085x', 'ls\u2028x', '\x00', '\x01', '\x1f', '\x7f', '\ufeffbom', 'ctrl\x07bell', '\x1b[0m',
    'x' * 100, ' '.join(['word'] * 30), 'x' * 70 + ' ' + 'y' * 20, 'x' * 78 + ' ab cd', 'x' * 79 + ' ab cd',
    'x' * 80 + ' ab cd', 'x' * 77 + ' ab cd', 'x' * 81 + '  two spaces', "'" + 'quoted words ' * 10,
    'say "' + 'quoted words ' * 10 + '"', 'tab\t' + 'words here ' * 10, '{"Version": "2012-10-17", "Statement": '
    '[{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "kinesis:*"}]}',
    'arn:aws:kinesis:us-east-1:123456789012:stream/DemoStream', 'shardId-000000000000',
    '49590338271490256608559692538361571095921575989136588898', 'AAAAAAAAAAGJJ3QaGsxkI3ZHvtMyH4v6RYw+Y8hUThunIbyBg==',
    '340282366920938463463374607431768211455', 'aGVsbG8=', 'multi\nline\nwith ' + 'words ' * 20,
]
docs = [{'s': s} for s in strings] + [[s] for s in strings[:40]] + [
    {'b': [1, 2, {'x': 'y', 'a': []}], 'a': {}, 'c': None, 'd': True, 'e': 1.5, 'f': False, 'g': -7, 'h': 1e16,
     'i': 1.0, 'j': 0.1, 'k': 12345678901234567890, 'l': 1e-7},
    [{'a': 1}], [[1, 2], [], [[3]], {}], {'z': [[{'a': 'b'}]], 'y': {'x': {'w': [1, {'v': None}]}}},
    {'Key': 'x' * 60 + ' ' + 'y' * 30, 'Nested': {'Deeper': {'Deepest': ' '.join(['w'] * 50)}}},
    [' '.join(['w'] * 50), {'k': ' '.join(['w'] * 50)}], {'': 'empty key', 'a b': 1, 'a: b': 2, '0': 3, 'true': 4},
    {'B': 1, 'a': 2, 'A': 3, 'b': 4, '_': 5, '1': 6, 'é': 7},
    {'StreamDescription': {'StreamName': 'DemoStream', 'Shards': [{'ShardId': 'shardId-000000000000',
     'HashKeyRange': {'StartingHashKey': '0', 'EndingHashKey': '340282366920938463463374607431768211455'},
     'SequenceNumberRange': {'StartingSequenceNumber': '49590338271490256608559692538361571095921575989136588898'}}],
     'StreamCreationTimestamp': '2024-01-01T00:00:00+00:00', 'EnhancedMonitoring': [{'ShardLevelMetrics': []}],
     'HasMoreShards': False, 'RetentionPeriodHours': 24}},
    'scalar', 1, 1.5, None, True, 'é', [], {},
]
out = []
for d in docs:
    entry = {'value': d}
    for key, v in (('yaml', d), ('yaml_stream', [d])):
        s = io.StringIO()
        YAMLDumper().dump(v, s)
        entry[key] = s.getvalue()
    out.append(entry)
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'yaml', 'oracle.json')
with open(path, 'w', encoding='utf-8') as f:
    json.dump(out, f, indent=1, ensure_ascii=True)
    f.write('\n')
print(len(out), 'cases')
