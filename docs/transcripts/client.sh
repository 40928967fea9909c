#!/usr/bin/env bash
# Produces the client transcripts of docs/CLI.md (issue 14: host names, the default trust
# store, URLs and --save-chain, JSON, store import --from-server, old-protocol servers,
# --starttls, strerror): every command below is run against a real peer (openssl s_server, a
# gsk4j server, a small SMTP server on Python's ssl module) and its output captured as printed.
# Run it from an empty directory, then put the output into docs/CLI.md with splice.py:
#   mkdir /tmp/demo-cc && cd /tmp/demo-cc && GSK4J=/path/to/gsk4j bash /path/to/client.sh > out.txt
#   python3 /path/to/splice.py out.txt /path/to/docs/CLI.md
# GSK4J is the command to run (default: gsk4j on the PATH); openssl and python3 are needed.
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
pids=()
s_server() {  # name, options...: an openssl s_server on a port it picks; prints the port
  local name=$1; shift
  openssl s_server -accept 127.0.0.1:0 -www "$@" > "$name.out" 2>&1 &
  echo $! > "$name.pid" # called in $(...): the pid goes through a file
  await_line "$name.out" '^ACCEPT'
  sed -n 's/^ACCEPT .*:\([0-9]*\)$/\1/p' "$name.out"
}
await_line() { for _ in $(seq 200); do grep -q "$2" "$1" && return; sleep 0.05; done; echo "no '$2' in $1" >&2; }
issue() {  # name, CA name, subject: an EC certificate for the name, issued by the CA
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$1.key" -out "$1.csr" -subj "$3" 2>/dev/null
  printf 'subjectAltName=DNS:%s\nextendedKeyUsage=serverAuth\nauthorityKeyIdentifier=keyid\nsubjectKeyIdentifier=hash\n' "$4" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2.key" -CAcreateserial -days 365 -extfile "$1.ext" -out "$1.pem" 2>/dev/null
}
root() {  # name, subject: a self-signed EC CA
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$1.key" -out "$1.pem" -subj "$2" -days 3650 \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
}

root ca '/O=Example/CN=Demo Root CA'
issue localhost ca '/O=Example/CN=localhost' localhost
issue other ca '/O=Example/CN=www.example.test' www.example.test
root partner-ca '/O=Partner Corp/CN=Partner Issuing CA'
issue partner partner-ca '/O=Partner Corp/CN=localhost' localhost
printf 'secret-pw\n' > trust.pw
$GSK4J store import --store trust.p12 --password-file trust.pw --trusted --label demo-root ca.pem > /dev/null
$GSK4J store import --store server.p12 --password-file trust.pw --label web localhost.pem localhost.key ca.pem > /dev/null
mkdir -p empty-home

GOOD=$(s_server good -cert localhost.pem -key localhost.key -cert_chain ca.pem)
OTHER=$(s_server other -cert other.pem -key other.key -cert_chain ca.pem)
PARTNER=$(s_server partner -cert partner.pem -key partner.key)
LEGACY=$(s_server legacy -cert localhost.pem -key localhost.key -tls1 -cipher DEFAULT@SECLEVEL=0)
$GSK4J server --port 0 --keyring server.p12 --password-file trust.pw --max-connections 2 > gserver.out 2>&1 &
pids+=($!)
await_line gserver.out 'listening on'
GSERVER=$(sed -n 's/.*listening on [^ ]*:\([0-9]*\).*/\1/p' gserver.out | head -1)
cat > smtp.py <<'PY'
# one SMTP connection that switches to TLS on STARTTLS (Python's ssl module: OpenSSL underneath)
import socket, ssl
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain("localhost.pem", "localhost.key")
ls = socket.create_server(("127.0.0.1", 0))
print("ACCEPT 127.0.0.1:%d" % ls.getsockname()[1], flush=True)
c, _ = ls.accept()
f = c.makefile("rb", buffering=0)
def line():
    b = b""
    while not b.endswith(b"\n"):
        ch = f.read(1)
        if not ch:
            raise SystemExit(0)
        b += ch
c.sendall(b"220 mail.example ESMTP ready\r\n")
line()
c.sendall(b"250-mail.example\r\n250-PIPELINING\r\n250 STARTTLS\r\n")
line()
c.sendall(b"220 2.0.0 Ready to start TLS\r\n")
t = ctx.wrap_socket(c, server_side=True)
try:
    t.recv(100)
except OSError:
    pass
PY
python3 smtp.py > smtp.out 2>&1 &
pids+=($!)
await_line smtp.out '^ACCEPT'
SMTP=$(sed -n 's/^ACCEPT .*:\([0-9]*\)$/\1/p' smtp.out)

echo '### client: a good handshake'
g client localhost:$GSERVER --keyring trust.p12 --password-file trust.pw --send 'hello\n'
g client localhost:$GSERVER --keyring trust.p12 --password-file trust.pw --tls13 off --json

echo '### client: untrusted root'
g client localhost:$PARTNER --keyring trust.p12 --password-file trust.pw
g client localhost:$PARTNER --keyring trust.p12 --password-file trust.pw --json

echo '### client: host name'
g client 127.0.0.1:$OTHER --keyring trust.p12 --password-file trust.pw
show "gsk4j client 127.0.0.1:$OTHER --keyring trust.p12 --password-file trust.pw --no-hostname-check | tail -1" \
  bash -c "$GSK4J client 127.0.0.1:$OTHER --keyring trust.p12 --password-file trust.pw --no-hostname-check | tail -1"

echo '### client: no store'
show "GSK4J_HOME=$PWD/empty-home gsk4j client localhost:$GOOD" env GSK4J_HOME="$PWD/empty-home" $GSK4J client localhost:$GOOD

echo '### client: url, save-chain, json'
show "gsk4j client https://localhost:$GOOD/index.html --keyring trust.p12 --password-file trust.pw --save-chain chain.pem | tail -4" \
  bash -c "$GSK4J client https://localhost:$GOOD/index.html --keyring trust.p12 --password-file trust.pw --save-chain chain.pem | tail -4"
show "grep -c BEGIN chain.pem" grep -c BEGIN chain.pem
g client https://localhost:$GOOD/ --keyring trust.p12 --password-file trust.pw --json

echo '### client: trust on first use'
show "openssl x509 -in ca.pem -noout -fingerprint -sha256" openssl x509 -in ca.pem -noout -fingerprint -sha256
FP=$(openssl x509 -in ca.pem -noout -fingerprint -sha256 | cut -d= -f2)
g store import --store pinned.p12 --password-file trust.pw --from-server localhost:$GOOD --fingerprint 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF
g store import --store pinned.p12 --password-file trust.pw --from-server localhost:$GOOD --fingerprint "$FP"

echo '### client: old protocol'
g client localhost:$LEGACY --keyring trust.p12 --password-file trust.pw

echo '### client: starttls'
g client localhost:$SMTP --starttls smtp --keyring trust.p12 --password-file trust.pw

echo '### strerror'
g strerror 6000 402 415

echo '### strerror: names and validation codes'
g strerror GSK_ERROR_NO_CIPHERS 576026
g strerror --json 6000

kill "${pids[@]}" $(cat good.pid other.pid partner.pid legacy.pid) 2>/dev/null
wait 2>/dev/null
