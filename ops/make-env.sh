#!/usr/bin/env bash
# Creates .env for 'docker compose up': random passwords and keys for this machine, never the public
# development ones of the 'local' profile. Prints the plain credentials once (they are not kept); .env
# holds only what the containers need: hashes for the services (PBKDF2-SHA256, Spring Security's
# {pbkdf2@SpringSecurity_v5_8}); SHA-256 for channel keys), plain passwords only where a client needs them (MongoDB users,
# Prometheus' scrape account, followup's console account at triage, Grafana's admin). Needs python3 and openssl. Refuses to overwrite .env.
# 'ops/make-env.sh --add-console' adds only the console account to a .env made before it existed.
set -euo pipefail
cd "$(dirname "$0")/.."
secret() { openssl rand -hex 16; }
pbkdf2() {
  python3 -c 'import hashlib, os, sys
salt = os.urandom(16)
print("{pbkdf2@SpringSecurity_v5_8}" + (salt + hashlib.pbkdf2_hmac("sha256", sys.argv[1].encode(), salt, 310000, 32)).hex())' "$1"
}
sha256() { printf %s "$1" | python3 -c 'import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())'; }

# A .env made before the console account existed (2026-12-05): add its two lines, nothing else changes
if [ "${1:-}" = "--add-console" ]; then
  if [ ! -e .env ] || grep -q '^CONSOLE_PASSWORD=' .env; then
    echo "--add-console adds the console account to an existing .env that lacks it" >&2
    exit 1
  fi
  console=$(secret)
  { echo "CONSOLE_PASSWORD_HASH=$(pbkdf2 "$console")"; echo "CONSOLE_PASSWORD=$console"; } >> .env
  echo "Added the console account (followup's console at triage) to .env; recreate triage and followup."
  exit 0
fi
if [ -e .env ]; then
  echo ".env exists; delete it first to create new credentials" >&2
  exit 1
fi
# MongoDB and Grafana take their passwords only when their volumes are first created: new credentials
# for a stack that has run would lock every service out of its database (README: compose credentials)
if command -v docker >/dev/null && docker volume ls -q 2>/dev/null | grep -Eq "^$(basename "$PWD" | tr "[:upper:]" "[:lower:]")_(mongo|grafana)-data$"; then
  echo "The stack's volumes exist, with the old passwords: 'docker compose down -v' (deletes the data)," >&2
  echo "or change the passwords in place first (README, compose credentials)" >&2
  exit 1
fi

agent=$(secret); supervisor=$(secret); ops=$(secret); scrape=$(secret); console=$(secret)
hotline=$(secret); store=$(secret); app=$(secret)
umask 077
{
  echo "# Created by ops/make-env.sh on $(date -u +%FT%TZ). Keep it out of version control (.gitignore)."
  echo "MONGO_ROOT_PASSWORD=$(secret)"
  for db in INTAKE TRIAGE FOLLOWUP ANALYTICS; do echo "${db}_DB_PASSWORD=$(secret)"; done
  echo "AGENT_PASSWORD_HASH=$(pbkdf2 "$agent")"
  echo "SUPERVISOR_PASSWORD_HASH=$(pbkdf2 "$supervisor")"
  echo "OPS_PASSWORD_HASH=$(pbkdf2 "$ops")"
  echo "PROMETHEUS_PASSWORD_HASH=$(pbkdf2 "$scrape")"
  echo "PROMETHEUS_SCRAPE_PASSWORD=$scrape"
  echo "CONSOLE_PASSWORD_HASH=$(pbkdf2 "$console")"
  echo "CONSOLE_PASSWORD=$console"
  echo "HOTLINE_KEY_SHA256=$(sha256 "$hotline")"
  echo "STORE_KEY_SHA256=$(sha256 "$store")"
  echo "APP_KEY_SHA256=$(sha256 "$app")"
  echo "GRAFANA_ADMIN_PASSWORD=$(secret)"
} > .env
cat <<TEXT
.env created. Your credentials (shown once; .env keeps only hashes of them):
  staff:    agent / $agent    supervisor / $supervisor    ops / $ops
  channels: X-Api-Key hotline $hotline    store $store    app $app
  Grafana:  admin / $(grep GRAFANA_ADMIN_PASSWORD .env | cut -d= -f2)
TEXT
