#!/usr/bin/env bash
# The one server the end-to-end suite shares: the release build, a fresh SQLite file, demo data,
# and a real SMTP server (a small sink) whose messages the tests read from TAM_E2E_MAIL_DIR.
set -euo pipefail
source "$(dirname "$0")/env.sh"
dir="$(mktemp -d -t tam-e2e-XXXXXX)"
mail_dir="${TAM_E2E_MAIL_DIR:?the suite names the folder where mail arrives}"
smtp_port="${TAM_E2E_SMTP_PORT:-3125}"
rm -rf "$mail_dir" && mkdir -p "$mail_dir"
python3 "$ROOT/app/tests/smtp_sink.py" "$smtp_port" "$mail_dir" &
sink=$!
trap 'kill $sink 2>/dev/null || true; rm -rf "$dir"' EXIT
export DATABASE_URL="sqlite://$dir/tam.db?mode=rwc"
export TAM_ADDR="${TAM_ADDR:-127.0.0.1:3111}"
export SMTP_URL="smtp://127.0.0.1:$smtp_port"
export TAM_ADMIN_PASSWORD="e2e-admin-password"
# One admin per language: each journey turns on its own admin's two-step sign-in.
"$TAM_BIN" create-admin --email admin-ar@tam.qa --name "مشرف تم" >/dev/null
"$TAM_BIN" create-admin --email admin-en@tam.qa --name "Tam Admin" >/dev/null
# The organizations' journeys review applications with admins of their own.
"$TAM_BIN" create-admin --email admin-orgs-ar@tam.qa --name "مشرفة الجهات" >/dev/null
"$TAM_BIN" create-admin --email admin-orgs-en@tam.qa --name "Organizations Admin" >/dev/null
# The visual tour visits the admin's pages with admins of its own.
"$TAM_BIN" create-admin --email admin-tour-ar@tam.qa --name "مشرف الجولة" >/dev/null
"$TAM_BIN" create-admin --email admin-tour-en@tam.qa --name "Tour Admin" >/dev/null
# The records-and-words journeys read the audit log and the funnel with admins of their own.
"$TAM_BIN" create-admin --email admin-words-ar@tam.qa --name "مشرف السجلات" >/dev/null
"$TAM_BIN" create-admin --email admin-words-en@tam.qa --name "Records Admin" >/dev/null
"$TAM_BIN" create-admin --email admin-words-views-ar@tam.qa --name "مشرفة التفاصيل" >/dev/null
# Its stand-in volunteers: accounts that never turn on two-step sign-in and act only as volunteers
# (the other journeys already make the 20 registrations one address may make in an hour).
"$TAM_BIN" create-admin --email words-volunteer-ar@tam.qa --name "يوسف الملا" >/dev/null
"$TAM_BIN" create-admin --email words-volunteer-en@tam.qa --name "Yousef Al-Mulla" >/dev/null
"$TAM_BIN" serve --demo
