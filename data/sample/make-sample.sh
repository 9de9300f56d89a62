#!/bin/sh
# Builds online_retail_II_sample.csv.gz, the project's real-data sample, from the full UCI Online Retail II
# file (not part of the project: see README.md). Deterministic: the same input always gives the same bytes.
#
# Kept, in the original order and layout (header, column order, quoting, the 2010-12-01..09 overlap of the
# two workbook sheets):
#   - every line of the customers whose Knuth multiplicative hash of the id falls in bucket 0 of 15
#     (floor(((id * 2654435761) mod 2^32) / 2^16) mod 15 == 0), about 400 of the 5,942 customers;
#   - every line of the invoices without a customer id whose invoice number is divisible by 100
#     (so the importer's "no customer id" skip path has real input);
#   - every bad-debt adjustment line (invoice numbers starting with A).
#
# Usage: data/sample/make-sample.sh [SOURCE.csv.gz]   (default: ../shared/data/online_retail_II.csv.gz,
#        relative to the project root)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
source_file=${1:-$here/../../../shared/data/online_retail_II.csv.gz}
target=$here/online_retail_II_sample.csv.gz

if [ ! -r "$source_file" ]; then
    echo "make-sample.sh: cannot read $source_file (pass the path of online_retail_II.csv.gz)" >&2
    exit 2
fi

# Customer ID is the second-to-last field: Country never contains a comma, Description may (quoted).
# gzip -n leaves the file name and time stamp out of the header, so the output is byte-for-byte reproducible.
gzip -dc "$source_file" | LC_ALL=C awk -F, '
    NR == 1 { print; next }
    {
        customer = $(NF - 1)
        invoice = $1
        if (customer != "") {
            if (int((customer * 2654435761) % 4294967296 / 65536) % 15 == 0) print
        } else if (invoice ~ /^A/) {
            print
        } else if (invoice ~ /^C?[0-9]+$/ && substr(invoice, length(invoice) - 1) == "00") {
            print
        }
    }' | gzip -9 -n > "$target.tmp"
mv "$target.tmp" "$target"
echo "wrote $target ($(wc -c < "$target") bytes, $(gzip -dc "$target" | wc -l) lines incl. header)"
