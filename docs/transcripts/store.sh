#!/usr/bin/env bash
# Produces the store and server-lint transcripts of docs/CLI.md: every command below is run
# and its output captured as it is printed. Run it from an empty directory:
#   mkdir /tmp/demo-store && cd /tmp/demo-store && GSK4J=/path/to/gsk4j bash /path/to/store.sh
# GSK4J is the command to run (default: gsk4j on the PATH); openssl and keytool are needed.
set -uo pipefail
GSK4J=${GSK4J:-gsk4j}

show() {   # prints "$ command", runs it, prints its output and exit code
  local shown=$1; shift
  echo "\$ $shown"
  "$@" 2>&1
  echo "[exit $?]"
  echo
}
quote() {  # shell quoting for display: single quotes only where needed
  local out="" a
  for a in "$@"; do
    if [[ $a =~ ^[A-Za-z0-9_./:=,@+-]+$ ]]; then out+=" $a"; else out+=" '${a//\'/\'\\\'\'}'"; fi
  done
  printf '%s' "${out# }"
}
g() { show "gsk4j $(quote "$@")" $GSK4J "$@"; }

printf 'ca-secret\n' > ca.pw
printf 'web-secret\n' > web.pw

echo '### ca --issuer, sign'
g store ca --store ca.p12 --password-file ca.pw --label root --dn 'CN=Example Root CA,O=Example' --key-type ec-p256 --path-length 1
g store ca --store ca.p12 --password-file ca.pw --label issuing --dn 'CN=Example Issuing CA,O=Example' --key-type ec-p256 --issuer root --path-length 0
g store ca --store ca.p12 --password-file ca.pw --label deeper --dn 'CN=Too Deep' --key-type ec-p256 --issuer issuing
g store sign --ca-store ca.p12 --ca-password-file ca.pw --ca-label issuing --store web.p12 --password-file web.pw --label web --dn 'CN=localhost,O=Example' --san DNS:localhost,IP:127.0.0.1 --key-type ec-p256

echo '### csr, receive'
g store csr --store app.p12 --password-file web.pw --label app --dn 'CN=app.example.com,O=Example' --san DNS:app.example.com --key-type ec-p256 --out app.csr
g store export --store ca.p12 --password-file ca.pw --label root --out root.pem
openssl req -in app.csr -noout -subject > /dev/null 2>&1
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out other-ca.key 2>/dev/null
openssl req -x509 -new -key other-ca.key -subj '/CN=Outside CA' -days 30 -out other-ca.pem 2>/dev/null
show "openssl x509 -req -in app.csr -CA other-ca.pem -CAkey other-ca.key -copy_extensions copy -days 90 -out app.pem" \
  openssl x509 -req -in app.csr -CA other-ca.pem -CAkey other-ca.key -copy_extensions copy -days 90 -out app.pem
g store receive --store app.p12 --password-file web.pw --label app root.pem
g store receive --store app.p12 --password-file web.pw --label app app.pem
g store import --store app.p12 --password-file web.pw --trusted --label outside-ca other-ca.pem
g store receive --store app.p12 --password-file web.pw --label app app.pem

echo '### delete, rename, password'
g store self-signed --store app.p12 --password-file web.pw --label spare --dn spare.example --key-type ec-p256
g store rename --store app.p12 --password-file web.pw spare old-spare
g store delete --store app.p12 --password-file web.pw old-spare
g store stash --store app.p12 --password-file web.pw
g store password --store app.p12 --stash app.sth --new-password-file ca.pw
g store list --store app.p12 --stash app.sth

echo '### import from keytool'
show "keytool -genkeypair -keystore legacy.jks -storetype JKS -storepass changeit -keypass changeit -alias tomcat -keyalg EC -dname CN=legacy.example -validity 30" \
  keytool -genkeypair -keystore legacy.jks -storetype JKS -storepass changeit -keypass changeit -alias tomcat -keyalg EC -dname CN=legacy.example -validity 30
show "keytool -importcert -noprompt -keystore legacy.jks -storepass changeit -alias partner-root -file root.pem" \
  keytool -importcert -noprompt -keystore legacy.jks -storepass changeit -alias partner-root -file root.pem
printf 'changeit\n' > legacy.pw
g store import --store converted.p12 --password-file web.pw --in-password-file legacy.pw legacy.jks
g store list --store converted.p12 --password-file web.pw

echo '### import warns on an incomplete chain'
g store export --store web.p12 --password-file web.pw --label web --key --out web-leaf-only.pem
g store import --store leaf-only.p12 --password-file web.pw --label web web-leaf-only.pem

echo '### list --check, --json'
g store list --store converted.p12 --password-file web.pw --check --days 60
g store list --store converted.p12 --password-file web.pw --check --days 7
g store list --store converted.p12 --password-file web.pw --check --days 60 --json

echo '### server lint'
show "gsk4j server --port 0 --keyring leaf-only.p12 --password-file web.pw   # Ctrl-C after 3 s" \
  timeout --preserve-status -s INT 3 $GSK4J server --port 0 --keyring leaf-only.p12 --password-file web.pw
show "gsk4j server --port 0 --keyring leaf-only.p12 --password-file web.pw --json   # Ctrl-C after 3 s" \
  timeout --preserve-status -s INT 3 $GSK4J server --port 0 --keyring leaf-only.p12 --password-file web.pw --json

echo '### a CMS key database'
head -c 2048 /dev/urandom > key.kdb
printf '\001' | dd of=key.kdb bs=1 count=1 conv=notrunc 2>/dev/null
g store list --store key.kdb --stash app.sth
