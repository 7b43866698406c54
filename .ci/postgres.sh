# Sourced by .ci/run: install PostgreSQL (Debian packages), start a throw-away server on a free
# loopback port, export PRESSFEED_TEST_POSTGRES for the store tests, and stop it on exit.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update && apt-get install -y postgresql
fi
PG_BIN="$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"
PG_DIR="$(mktemp -d /tmp/pressfeed-pg.XXXXXX)"
chown postgres "$PG_DIR"
PG_PORT="$(python3 -c 'import socket
for port in range(5433, 5533):
    with socket.socket() as s:
        if s.connect_ex(("127.0.0.1", port)):
            print(port); break')"
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" --auth=trust -U postgres >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off" start >/dev/null
trap 'runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null; rm -rf "$PG_DIR"' EXIT
runuser -u postgres -- "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres pressfeed_test
export PRESSFEED_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$PG_PORT/pressfeed_test"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT for the store tests"
