#!/usr/bin/python3
"""Calls a Confluent-API schema registry through confluent_kafka's CachedSchemaRegistryClient and prints what
each call answered, as one JSON object: the config, compatibility and look-up endpoints, as a Python client
uses them.

Example:
  /usr/bin/python3 interop/python/registry_calls.py --registry-url http://127.0.0.1:8081 --subject demo-value
"""

import argparse
import json
import sys

import avro.schema
from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro.error import ClientError

V1 = {"type": "record", "name": "Probe", "namespace": "interop", "fields": [{"name": "id", "type": "string"}]}
# Adds a field with a default: backward compatible.
V2 = dict(V1, fields=V1["fields"] + [{"name": "note", "type": ["null", "string"], "default": None}])
# Adds a field without a default: not backward compatible.
BAD = dict(V1, fields=V1["fields"] + [{"name": "age", "type": "int"}])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--registry-url", required=True)
    parser.add_argument("--subject", default="interop-probe-value")
    args = parser.parse_args()

    client = CachedSchemaRegistryClient({"url": args.registry_url})
    v1, v2, bad = (avro.schema.parse(json.dumps(s)) for s in (V1, V2, BAD))
    subject = args.subject
    answers = {"globalLevel": client.get_compatibility()}
    answers["unregisteredVersion"] = client.get_version(subject, v1)  # None: 404 from the registry
    answers["v1Id"] = client.register(subject, v1)
    answers["v1Version"] = client.get_version(subject, avro.schema.parse(json.dumps(V1)))
    answers["v2Compatible"] = client.test_compatibility(subject, v2)
    answers["badCompatible"] = client.test_compatibility(subject, bad)
    try:
        client.register(subject, bad)
        answers["badRegistration"] = "accepted"
    except ClientError as e:
        answers["badRegistration"] = str(e)
    answers["v2Id"] = client.register(subject, v2)
    latest = client.get_latest_schema(subject)
    answers["latest"] = {"id": latest[0], "version": latest[2], "fields": [f.name for f in latest[1].fields]}
    answers["byVersion1Fields"] = [f.name for f in client.get_by_version(subject, 1)[1].fields]
    answers["subjectLevelSet"] = client.update_compatibility("NONE", subject)
    answers["subjectLevel"] = client.get_compatibility(subject)
    answers["badIdAfterNone"] = client.register(subject, bad)
    print(json.dumps(answers, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
