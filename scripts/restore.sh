#!/usr/bin/env bash
# Restore a backup made by backup.sh: the database and the media folder.
#
#   DATABASE_URL=postgres://user@host:5432/kronika MEDIA_ROOT=/srv/kronika/media \
#       scripts/restore.sh /var/backups/kronika/kronika-20260101T020000Z
#
# Stop the app servers first. The database named in DATABASE_URL must exist (it may be empty,
# e.g. just recreated with createdb); objects in it are replaced (pg_restore --clean). The
# current media folder, if any, is kept aside as MEDIA_ROOT.before-restore-<time>, not deleted.
# Afterwards: manage.py migrate (if the code is newer than the backup), manage.py
# update_index, start the app servers.
set -euo pipefail

src="${1:?usage: restore.sh BACKUP_FOLDER}"
database_url="${DATABASE_URL:-sqlite:///$(pwd)/db.sqlite3}"
media_root="${MEDIA_ROOT:-$(pwd)/media}"

(cd "$src" && sha256sum --check --quiet SHA256SUMS)

case "$database_url" in
    postgres://* | postgresql://*)
        pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error \
            --dbname "$database_url" "$src/database.dump"
        ;;
    sqlite:///*)
        sqlite_path="${database_url#sqlite://}"
        python3 - "$src/database.sqlite3" "$sqlite_path" <<'PY'
import sqlite3, sys
source, target = sqlite3.connect(sys.argv[1]), sqlite3.connect(sys.argv[2])
with target:
    source.backup(target)
PY
        ;;
    *)
        echo "restore.sh: unsupported DATABASE_URL scheme: ${database_url%%:*}" >&2
        exit 2
        ;;
esac

if [ -f "$src/media.tar.gz" ]; then
    if [ -e "$media_root" ]; then
        mv "$media_root" "${media_root%/}.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
    fi
    mkdir -p "$media_root"
    tar -C "$media_root" -xzf "$src/media.tar.gz"
fi
echo "restore.sh: restored $src"
