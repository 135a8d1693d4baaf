package org.gatehouse.client.cli;

/** The help text. */
final class Usage {

    static final String TEXT = """
            usage: gatehouse-client refresh   --relay URL --gateway ID --dataset NAME [options]
                   gatehouse-client heartbeat --relay URL --gateway ID [options]

            Asks a Gatehouse gateway for data over an AMQP 1.0 relay.

            commands:
              refresh    refresh a dataset (or run one of its queries), verify the result, write it to a file
              heartbeat  wait for the gateway's next heartbeat and print it

            relay options:
              --relay URL          amqp://[user:password@]host:port, amqps://..., or an Azure Service Bus
                                   connection string (Endpoint=sb://...;SharedAccessKeyName=...;SharedAccessKey=...)
              --relay-env VAR      read that URL or connection string from environment variable VAR, which keeps
                                   keys out of the process list
              --user USER          relay user, for a URL without one
              --password-env VAR   read the relay password from environment variable VAR
                                   (there is no --password: command lines are visible to other users)
              --gateway ID         the gateway's id

            refresh options:
              --dataset NAME       the dataset to refresh
              --query NAME         run only this query of the dataset
              --out FILE           where to write; default DATASET.csv (or .jsonl). As CSV, a result of several
                                   tables goes to one file per table, FILE-TABLE.csv; as JSON lines, to FILE with a
                                   "_table" field in each row. Files appear only once the result is verified.
              --format csv|jsonl   default: jsonl for an --out ending in .jsonl or .ndjson, else csv
              --timeout SECONDS    wait at most this long for the first and for each next message (default 60)

            heartbeat options:
              --timeout SECONDS    wait at most this long for a heartbeat (default 60)
              --events ADDRESS     the events topic (default gatehouse.events)

            exit status: 0 done, 1 usage error, 2 the gateway answered with an error, 3 incomplete or damaged
            result, or no answer in time, 4 relay unreachable or failing, or the output not writable
            """;

    private Usage() {
    }
}
