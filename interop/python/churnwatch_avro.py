"""Helpers shared by the interop scripts: the OrderEvent schema, string keys, and JSON output.

Only Debian's python3-confluent-kafka (1.7, legacy Avro API) and python3-avro are needed; run with
/usr/bin/python3.
"""

import datetime
import json
import pathlib

import avro.schema
from confluent_kafka import Consumer, Producer
from confluent_kafka.avro import AvroConsumer, AvroProducer

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_SCHEMA_DIR = REPO_ROOT / "schemas" / "src" / "main" / "avro"
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
PRIMITIVES = {"null", "boolean", "int", "long", "float", "double", "bytes", "string"}


def load_self_contained_schema(schema_dir, full_name):
    """The schema named full_name with every named type it refers to inlined at its first use.

    The .avsc files refer to shared types (OrderEvent uses io.churnwatch.schemas.OrderLine) by name, and the
    registry needs one self-contained schema, so the referenced definitions are pasted in.
    """
    definitions = {}
    for path in sorted(pathlib.Path(schema_dir).glob("*.avsc")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        name = schema["name"] if "." in schema["name"] else schema.get("namespace", "") + "." + schema["name"]
        definitions[name] = schema
    if full_name not in definitions:
        raise SystemExit("no schema named %s in %s" % (full_name, schema_dir))
    defined = set()
    return _inline(definitions[full_name], definitions, defined, definitions[full_name].get("namespace", ""))


def _inline(node, definitions, defined, namespace):
    if isinstance(node, str):
        if node in PRIMITIVES:
            return node
        full = node if "." in node else namespace + "." + node
        if full in definitions and full not in defined:
            return _inline(definitions[full], definitions, defined, namespace)
        return node
    if isinstance(node, list):
        return [_inline(branch, definitions, defined, namespace) for branch in node]
    if isinstance(node, dict):
        if node.get("type") in ("record", "enum", "fixed") and "name" in node:
            namespace = node.get("namespace", namespace)
            name = node["name"]
            defined.add(name if "." in name else namespace + "." + name)
        result = {}
        for key, value in node.items():
            if key == "fields":
                result[key] = [dict(field, type=_inline(field["type"], definitions, defined, namespace))
                               for field in value]
            elif key in ("type", "items", "values"):
                result[key] = _inline(value, definitions, defined, namespace)
            else:
                result[key] = value
        return result
    return node


def parse_schema(schema_json):
    return avro.schema.parse(json.dumps(schema_json))


def epoch_millis(moment):
    """Exact milliseconds since the epoch (no float rounding) of an aware datetime."""
    return (moment - EPOCH) // datetime.timedelta(milliseconds=1)


def from_epoch_millis(millis):
    return EPOCH + datetime.timedelta(milliseconds=millis)


def order_to_json(order):
    """An OrderEvent as Avro hands it to Python, in the JSON form the Java tests compare with."""
    result = dict(order)
    result["eventTime"] = epoch_millis(order["eventTime"])
    result["lines"] = [dict(line) for line in order["lines"]]
    return result


class StringKeyAvroProducer(AvroProducer):
    """AvroProducer for churnwatch topics, whose keys are plain UTF-8 strings rather than Avro.

    The stock produce() insists on an Avro key schema; this registers and encodes the value exactly as it
    does (same serializer, same registry client), and sends the key as UTF-8 bytes.
    """

    def produce_with_string_key(self, topic, key, value, on_delivery=None):
        encoded = self._serializer.encode_record_with_schema(topic, self._value_schema, value)
        Producer.produce(self, topic, encoded, None if key is None else key.encode("utf-8"),
                         on_delivery=on_delivery)


class StringKeyAvroConsumer(AvroConsumer):
    """AvroConsumer for churnwatch topics: decodes the value as AvroConsumer does, keeps the key a UTF-8 string."""

    def poll(self, timeout=None):
        message = Consumer.poll(self, -1 if timeout is None else timeout)
        if message is None or message.error():
            return message
        if message.value() is not None:
            message.set_value(self._serializer.decode_message(message.value(), is_key=False))
        if message.key() is not None:
            message.set_key(message.key().decode("utf-8"))
        return message
