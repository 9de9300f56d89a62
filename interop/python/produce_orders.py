#!/usr/bin/python3
"""Registers the OrderEvent schema with a Confluent-API schema registry and produces N OrderEvents.

Uses confluent_kafka's legacy AvroProducer (Debian's python3-confluent-kafka 1.7 with python3-avro).
Prints each record it sent, once the broker acknowledged it, as one JSON line:
{"key": ..., "schemaId": ..., "value": {OrderEvent fields, eventTime as epoch milliseconds}}.

Example:
  /usr/bin/python3 interop/python/produce_orders.py --bootstrap-servers localhost:9092 \\
      --registry-url http://127.0.0.1:8081 --topic orders --count 8
"""

import argparse
import json
import sys

import avro.schema
from confluent_kafka import KafkaError, KafkaException
from confluent_kafka.admin import AdminClient, NewTopic
from confluent_kafka.avro import AvroProducer

sys.dont_write_bytecode = True  # keep the repository free of __pycache__
import churnwatch_avro  # noqa: E402

ORDER_EVENT = "io.churnwatch.schemas.OrderEvent"
LARGE_PRICE_MINOR = 9007199254740993  # 2**53 + 1: survives only if nobody goes through a double


def build_orders(count):
    """count orders whose first four cover a null description, non-ASCII text, a huge price and a RETURN."""
    orders = []
    for i in range(count):
        description = [None, "Crème brûlée dish – 北京 ✓", "Plain mug %d" % i, "Plain mug %d" % i][i % 4]
        line = {
            "sku": "SKU-P%d" % i,
            "description": description,
            "quantity": i + 1,
            "unitPriceMinor": LARGE_PRICE_MINOR if i % 4 == 2 else 199 + i,
        }
        lines = [line] if i % 2 == 0 else [line, {"sku": "SKU-Y%d" % i, "description": "ŽŸ", "quantity": 2,
                                                  "unitPriceMinor": 0}]
        orders.append({
            "orderId": "P-%d" % i,
            "customerId": "C%d" % (200 + i % 3),
            "eventTime": churnwatch_avro.from_epoch_millis(1700000000456 + i * 3600000),
            "kind": "RETURN" if i % 4 == 3 else "PURCHASE",
            "lines": lines,
            "currency": "GBP" if i % 2 == 0 else "USD",
            "country": None if i % 3 == 0 else "España",
        })
    return orders


def create_topic_if_missing(bootstrap_servers, topic):
    admin = AdminClient({"bootstrap.servers": bootstrap_servers})
    for future in admin.create_topics([NewTopic(topic, num_partitions=1, replication_factor=1)]).values():
        try:
            future.result(30)
        except KafkaException as e:
            if e.args[0].code() != KafkaError.TOPIC_ALREADY_EXISTS:
                raise


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bootstrap-servers", required=True)
    parser.add_argument("--registry-url", required=True)
    parser.add_argument("--topic", default="orders")
    parser.add_argument("--count", type=int, default=8)
    parser.add_argument("--schema-dir", default=str(churnwatch_avro.DEFAULT_SCHEMA_DIR),
                        help="directory of the .avsc files (default: the repository's schemas/src/main/avro)")
    parser.add_argument("--key-format", choices=["string", "avro"], default="string",
                        help="string: UTF-8 keys as churnwatch topics use (default); avro: Avro \"string\" keys "
                             "through the stock AvroProducer.produce")
    parser.add_argument("--create-topic", action="store_true",
                        help="create the topic (1 partition) first if it does not exist; brokers here do not "
                             "create topics on first use")
    args = parser.parse_args()
    if args.count < 1:
        parser.error("--count must be at least 1")
    if args.create_topic:
        create_topic_if_missing(args.bootstrap_servers, args.topic)

    value_schema = churnwatch_avro.parse_schema(
        churnwatch_avro.load_self_contained_schema(args.schema_dir, ORDER_EVENT))
    config = {"bootstrap.servers": args.bootstrap_servers, "schema.registry.url": args.registry_url,
              "acks": "all", "enable.idempotence": True}
    failures = []

    def on_delivery(error, message):
        if error is not None:
            failures.append(str(error))

    orders = build_orders(args.count)
    if args.key_format == "avro":
        producer = AvroProducer(config, default_key_schema=avro.schema.parse('"string"'),
                                default_value_schema=value_schema)
        for order in orders:
            producer.produce(topic=args.topic, key=order["customerId"], value=order, on_delivery=on_delivery)
    else:
        producer = churnwatch_avro.StringKeyAvroProducer(config, default_value_schema=value_schema)
        for order in orders:
            producer.produce_with_string_key(args.topic, order["customerId"], order, on_delivery=on_delivery)
    remaining = producer.flush(60)
    if remaining or failures:
        print("produce_orders: %d record(s) not delivered: %s" % (remaining + len(failures), failures),
              file=sys.stderr)
        return 1

    # Answered from the client's cache: the id the producer registered and wrote into every record.
    schema_id = producer._serializer.registry_client.register(args.topic + "-value", value_schema)
    for order in orders:
        print(json.dumps({"key": order["customerId"], "schemaId": schema_id,
                          "value": churnwatch_avro.order_to_json(order)}, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
