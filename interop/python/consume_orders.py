#!/usr/bin/python3
"""Reads N Avro records (Confluent wire format) from a topic with confluent_kafka's legacy AvroConsumer.

The writer schema of each record is fetched from the schema registry by the id in its header. Prints one JSON
line per record: {"key": ..., "value": {fields, timestamps as epoch milliseconds}}.
Exits 1 if fewer than N records arrive within the timeout.

Example:
  /usr/bin/python3 interop/python/consume_orders.py --bootstrap-servers localhost:9092 \\
      --registry-url http://127.0.0.1:8081 --topic orders --count 8
"""

import argparse
import json
import sys
import time
import uuid

from confluent_kafka.avro import AvroConsumer

sys.dont_write_bytecode = True  # keep the repository free of __pycache__
import churnwatch_avro  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bootstrap-servers", required=True)
    parser.add_argument("--registry-url", required=True)
    parser.add_argument("--topic", default="orders")
    parser.add_argument("--count", type=int, default=8)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for the records")
    parser.add_argument("--group-id", default=None, help="consumer group (default: a fresh one)")
    parser.add_argument("--key-format", choices=["string", "avro"], default="string",
                        help="string: UTF-8 keys (default); avro: Avro keys through the stock AvroConsumer.poll")
    args = parser.parse_args()

    config = {"bootstrap.servers": args.bootstrap_servers, "schema.registry.url": args.registry_url,
              "group.id": args.group_id or "interop-" + uuid.uuid4().hex, "auto.offset.reset": "earliest",
              "enable.auto.commit": False}
    consumer = (AvroConsumer(config) if args.key_format == "avro"
                else churnwatch_avro.StringKeyAvroConsumer(config))
    consumer.subscribe([args.topic])
    deadline = time.monotonic() + args.timeout
    received = 0
    try:
        while received < args.count and time.monotonic() < deadline:
            message = consumer.poll(max(0.0, min(1.0, deadline - time.monotonic())))
            if message is None:
                continue
            if message.error():
                print("consume_orders: %s" % message.error(), file=sys.stderr)
                return 1
            value = message.value()
            printable = churnwatch_avro.order_to_json(value) if isinstance(value, dict) and "lines" in value else value
            print(json.dumps({"key": message.key(), "value": printable}, sort_keys=True), flush=True)
            received += 1
    finally:
        consumer.close()
    if received < args.count:
        print("consume_orders: only %d of %d record(s) arrived within %.0f s" % (received, args.count, args.timeout),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
