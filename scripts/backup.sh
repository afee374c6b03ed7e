#!/usr/bin/env bash
# Back up Kronika: the database and the media folder, into one timestamped folder.
#
#   DATABASE_URL=postgres://user@host:5432/kronika MEDIA_ROOT=/srv/kronika/media \
#       scripts/backup.sh /var/backups/kronika
#
# PostgreSQL is dumped with pg_dump's custom format (-Fc: compressed, restorable table by
# table); SQLite is copied with its online .backup (safe while the site runs). Media goes into
# media.tar.gz. SHA256SUMS lets restore.sh check the copy before it touches anything.
# Prints the folder it wrote. Exit status is non-zero on any failure (set -e, pipefail).
set -euo pipefail

dest_root="${1:-${BACKUP_DIR:-backups}}"
database_url="${DATABASE_URL:-sqlite:///$(pwd)/db.sqlite3}"
media_root="${MEDIA_ROOT:-$(pwd)/media}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
dest="${dest_root%/}/kronika-${stamp}"

umask 077  # a dump holds personal data (editors' accounts): readable by the owner only
mkdir -p "$dest"

case "$database_url" in
    postgres://* | postgresql://*)
        pg_dump --format=custom --no-owner --no-privileges --file "$dest/database.dump" \
            --dbname "$database_url"
        ;;
    sqlite:///*)
        sqlite_path="${database_url#sqlite://}"
        python3 - "$sqlite_path" "$dest/database.sqlite3" <<'PY'
import sqlite3, sys
source, target = sqlite3.connect(sys.argv[1]), sqlite3.connect(sys.argv[2])
with target:
    source.backup(target)
PY
        ;;
    *)
        echo "backup.sh: unsupported DATABASE_URL scheme: ${database_url%%:*}" >&2
        exit 2
        ;;
esac

if [ -d "$media_root" ]; then
    tar -C "$media_root" -czf "$dest/media.tar.gz" .
else
    echo "backup.sh: no media folder at $media_root, backing up the database only" >&2
fi

(cd "$dest" && sha256sum -- * > SHA256SUMS)
echo "$dest"
