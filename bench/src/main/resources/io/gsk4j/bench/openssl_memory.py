# In-memory TLS handshakes on OpenSSL through Python's ssl module (the same libssl as the
# openssl command): client and server objects in one thread, records passed through memory
# BIOs, the client verifying the server's chain and name. Used by gsk4j's bench
# (io.gsk4j.bench.PythonMemory). Prints one line: ops cpu_seconds wall_seconds unexpected cipher,
# then the OpenSSL version on a line of its own.
import ssl
import sys
import time

cert, key, ca, version, resumed, seconds = sys.argv[1:7]
resumed = resumed == "true"
seconds = float(seconds)
v = ssl.TLSVersion.TLSv1_3 if version == "1.3" else ssl.TLSVersion.TLSv1_2

server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server.load_cert_chain(cert, key)
client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
client.load_verify_locations(ca)
for ctx in (server, client):
    ctx.minimum_version = v
    ctx.maximum_version = v
if len(sys.argv) > 7:
    server.set_ciphers(sys.argv[7])  # TLS 1.2 only; TLS 1.3 suites come from OPENSSL_CONF


def move(src, dst):
    data = src.read()
    if data:
        dst.write(data)


def once(session):
    c_in, c_out, s_in, s_out = (ssl.MemoryBIO() for _ in range(4))
    c = client.wrap_bio(c_in, c_out, server_hostname="localhost", session=session)
    s = server.wrap_bio(s_in, s_out, server_side=True)
    c_done = s_done = False
    for _ in range(50):
        if not c_done:
            try:
                c.do_handshake()
                c_done = True
            except ssl.SSLWantReadError:
                pass
        move(c_out, s_in)
        if not s_done:
            try:
                s.do_handshake()
                s_done = True
            except ssl.SSLWantReadError:
                pass
        move(s_out, c_in)
        if c_done and s_done:
            break
    s.write(b"*")
    move(s_out, c_in)
    if c.read(1) != b"*":
        raise RuntimeError("no application byte")
    return c


cached = once(None).session if resumed else None
ops = unexpected = 0
cipher = ""
cpu0 = time.process_time()
wall0 = time.perf_counter()
end = wall0 + seconds
while True:
    c = once(cached)
    ops += 1
    if c.session_reused != resumed:
        unexpected += 1
    cipher = c.cipher()[0]
    if time.perf_counter() >= end:
        break
print(ops, time.process_time() - cpu0, time.perf_counter() - wall0, unexpected, cipher)
print(ssl.OPENSSL_VERSION)
