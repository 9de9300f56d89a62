package io.churnwatch.producers.cli;

/** The text of {@code --help}. */
final class HelpText {

    private HelpText() {
    }

    static final String TEXT = """
            Usage: churnwatch replay online-retail PATH [options]
                   churnwatch replay csv PATH [options]
                   churnwatch replay synthetic [--customers N] [--days D] [--seed S] [--start DATE] [options]

            Streams order events (purchases and returns) into Kafka as Avro in the Confluent wire format,
            keyed by customer id, with an idempotent producer.

            Sources:
              online-retail PATH   the UCI "Online Retail" or "Online Retail II" CSV (.csv or .csv.gz; the
                                   layout is detected from the header). One event per invoice, C invoices as
                                   returns, duplicates of the overlapping sheets removed, postage/fees/
                                   adjustments and lines without a customer skipped and counted.
              csv PATH             the generic layout: customer_id,order_id,timestamp,amount
                                   [,sku,quantity,kind,country,currency] (see producers/README.md).
              synthetic            a generated history (deterministic for a seed).

            Options:
              --bootstrap-servers HOST:PORT[,...]  Kafka brokers. Default: $CHURNWATCH_BOOTSTRAP_SERVERS,
                                   else localhost:9092.
              --schema-registry-url URL            Confluent-API schema registry (http://, https://, or
                                   mock://SCOPE for an in-memory one). Default: $CHURNWATCH_SCHEMA_REGISTRY_URL,
                                   else http://localhost:8081.
              --topic NAME         Topic to write to. Default: orders.
              --speedup X          Replay at X times the original pace (86400 = one day of history per second).
                                   Default: as fast as possible.
              --limit N            Stop after N orders.
              --from WHEN          Send only orders at or after WHEN (a date, midnight UTC, or an ISO instant).
              --until WHEN         Send only orders before WHEN; e.g. replay history up to a day, then the rest.
              --dry-run            Read and summarise, send nothing (no Kafka needed).
              --no-progress        No progress bar on stderr.
              --time-zone ZONE     csv only: zone of timestamps without an offset. Default: UTC.
              --customers N        synthetic only: number of customers. Default: 10000.
              --days D             synthetic only: length of the history in days. Default: 365.
              --seed S             synthetic only: random seed; the same seed gives the same events. Default: 42.
              --start DATE         synthetic only: first day (yyyy-MM-dd). Default: 2024-01-01.
              -h, --help           This text.

            Progress goes to stderr (share of the file read, or of the synthetic timeline; orders/s); the summary
            (orders sent, returns, lines, customers, skipped lines by reason) to stdout.
            Exit codes: 0 done, 1 failure (unreadable input, Kafka or registry errors), 2 usage error.

            Examples:
              ./churnwatch replay online-retail data/sample/online_retail_II_sample.csv.gz --dry-run
              ./churnwatch replay online-retail ../shared/data/online_retail_II.csv.gz --speedup 86400
              ./churnwatch replay csv orders.csv --bootstrap-servers broker:9092 --schema-registry-url http://registry:8081
              ./churnwatch replay synthetic --customers 1000000 --days 730 --seed 7 --topic orders-synthetic
            """;
}
