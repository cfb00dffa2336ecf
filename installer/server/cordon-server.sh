#!/bin/sh
# /usr/bin/cordon-server: runs the server's commands as the service user, so the files they
# create (database, backups, logs) stay the server's. "cordon-server" alone runs the server.
export CORDON_CONFIG="${CORDON_CONFIG:-/etc/cordon/cordon-server.properties}"
if [ -r /etc/cordon/cordon-server.env ]; then
  set -a; . /etc/cordon/cordon-server.env; set +a
fi
case "${1:-}" in
  init|backup|restore|health|add-user) ;;
  *) set -- --config "$CORDON_CONFIG" "$@" ;;
esac
if [ "$(id -u)" = 0 ]; then
  exec runuser -u cordon -- /opt/cordon-server/bin/cordon-server "$@"
fi
exec /opt/cordon-server/bin/cordon-server "$@"
