# Starts throwaway PostgreSQL and Redis servers on loopback and exports their URLs for the tests.
start_services() {
  if command -v redis-server >/dev/null; then
    redis-server --port 6399 --bind 127.0.0.1 --save '' --appendonly no --daemonize yes >/dev/null
    export JANJI_TEST_REDIS_URL=redis://127.0.0.1:6399/0
  fi
  local pgbin
  # PostgreSQL with pgvector from the pgserver wheel (installed by `make install`), else Debian's
  pgbin=$(ls -d .venv/lib/python3*/site-packages/pgserver/pginstall/bin 2>/dev/null | tail -n1 || true)
  [ -n "$pgbin" ] && pgbin=$(cd "$pgbin" && pwd)
  # the server runs as user postgres, which must be able to reach the checkout
  if [ -n "$pgbin" ] && ! su postgres -c "$pgbin/postgres --version" >/dev/null 2>&1; then pgbin=""; fi
  [ -n "$pgbin" ] || pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  if [ -n "$pgbin" ]; then
    local pgdata=/tmp/janji-ci-pg
    rm -rf "$pgdata"; mkdir -p "$pgdata"; chown postgres "$pgdata"
    su postgres -c "$pgbin/initdb -D $pgdata -A trust -U postgres" >/dev/null
    su postgres -c "$pgbin/pg_ctl -D $pgdata -o '-p 5439 -k /tmp -c listen_addresses=127.0.0.1' -l $pgdata/log -w start" >/dev/null
    su postgres -c "$pgbin/createdb -h 127.0.0.1 -p 5439 janji_test"
    export JANJI_TEST_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5439/janji_test
  fi
}
