#!/usr/bin/env bash
# Generates prisma/migrations/<timestamp>_<name>/migration.sql from the change in prisma/schema.prisma since the
# last commit (or from an empty database when the schema is new). Uses Prisma 6.19's CLI in prisma/migrator,
# because Prisma 7's CLI downloads a schema engine and fails offline. Review the SQL before committing it.
set -euo pipefail
name="${1:?usage: npm run db:diff -- <migration_name>}"
cd "$(dirname "$0")/.."
root=$(pwd)
[ -d prisma/migrator/node_modules/prisma ] || (cd prisma/migrator && npm install --no-audit --no-fund)
tmp=$(mktemp -d)
with_url() { # Prisma 6 requires datasource.url in the schema; Prisma 7 forbids it
  sed -E 's|^(\s*provider\s*=\s*"postgresql")|\1\n  url      = "postgresql://unused@localhost/unused"|' "$1"
}
with_url prisma/schema.prisma > prisma/migrator/schema.prisma
if git cat-file -e HEAD:prisma/schema.prisma 2>/dev/null; then
  git show HEAD:prisma/schema.prisma > "$tmp/old.prisma"
  with_url "$tmp/old.prisma" > "$tmp/old-url.prisma"
  from=(--from-schema-datamodel "$tmp/old-url.prisma")
else
  from=(--from-empty)
fi
out="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$out"
(cd prisma/migrator && PRISMA_QUERY_ENGINE_LIBRARY=/bin/false npx prisma migrate diff "${from[@]}" \
  --to-schema-datamodel schema.prisma --script) > "$root/$out/migration.sql"
rm -rf "$tmp"
echo "wrote $out/migration.sql ($(wc -l < "$out/migration.sql") lines)"
