#!/usr/bin/env python3
"""Added SMTP latency of the spam filter at end of DATA (bench/spam-smtp-latency.sh runs this).

  spam_smtp_latency.py dns PORTFILE
      a DNS stub on 127.0.0.1 (ephemeral UDP port written to PORTFILE) answering NXDOMAIN to everything,
      so the filter's DNS steps (SPF, DKIM, DMARC, DNSBL) make real round trips without the internet
  spam_smtp_latency.py measure PORT_ON PORT_OFF N CORPUS
      N messages from CORPUS/{ham,spam} (alternating), each sent once to the server with the filter on and
      once to the one with it off, in alternating order, over SMTP from 127.0.0.2 (an outside client);
      times the final "." -> reply, prints p50/p99 per server and the differences as JSON
"""
import json
import os
import socket
import sys
import threading
import time


def dns(portfile):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    with open(portfile, "w") as f:
        f.write(str(sock.getsockname()[1]))
    while True:
        query, peer = sock.recvfrom(512)
        if len(query) < 12:
            continue
        # same id, QR + opcode of the query + AA + RD copied + RA, RCODE 3 (NXDOMAIN), one question, no answers
        flags = 0x8000 | (query[2] & 0x79) << 8 | 0x0400 | 0x0080 | 3
        header = query[0:2] + flags.to_bytes(2, "big") + query[4:6] + b"\x00\x00\x00\x00\x00\x00"
        end = 12
        while end < len(query) and query[end] != 0:
            end += query[end] + 1
        sock.sendto(header + query[12:end + 5], peer)


def reply(reader):
    lines = []
    while True:
        line = reader.readline()
        if not line:
            raise IOError("connection closed after %r" % lines)
        lines.append(line)
        if len(line) < 4 or line[3:4] != b"-":
            return b"".join(lines).decode("utf-8", "replace")


def transaction(port, sender, recipient, data):
    """One SMTP transaction; returns (seconds from the final dot to the reply, reply code)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=60, source_address=("127.0.0.2", 0))
    try:
        reader = sock.makefile("rb")
        reply(reader)
        for command in (b"EHLO bench.sender.example", b"MAIL FROM:<" + sender + b">", b"RCPT TO:<" + recipient + b">", b"DATA"):
            sock.sendall(command + b"\r\n")
            answer = reply(reader)
            if answer[0] not in "23":
                raise IOError("%s -> %s" % (command, answer.strip()))
        sock.sendall(data)
        started = time.perf_counter()
        sock.sendall(b".\r\n")
        answer = reply(reader)
        elapsed = time.perf_counter() - started
        sock.sendall(b"QUIT\r\n")
        return elapsed, answer[:3]
    finally:
        sock.close()


def smtp_data(raw):
    lines = raw.replace(b"\r\n", b"\n").split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return b"".join((b"." + line if line.startswith(b".") else line) + b"\r\n" for line in lines)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))]


def measure(port_on, port_off, n, corpus):
    ham = sorted(os.listdir(os.path.join(corpus, "ham")))
    spam = sorted(os.listdir(os.path.join(corpus, "spam")))
    files = []
    for i in range(n):
        kind, names = ("ham", ham) if i % 2 == 0 else ("spam", spam)
        files.append(os.path.join(corpus, kind, names[(i // 2 * 7) % len(names)]))
    recipient = b"nguyenvana@demo.gov.vn"
    times = {"on": [], "off": []}
    codes = {"on": {}, "off": {}}
    # warm-up (JIT, connection pools) on both, not counted
    for f in files[:20]:
        data = smtp_data(open(f, "rb").read())
        for port in (port_on, port_off):
            transaction(port, b"bench@sender.example", recipient, data)
    for i, f in enumerate(files):
        data = smtp_data(open(f, "rb").read())
        order = [("on", port_on), ("off", port_off)] if i % 2 == 0 else [("off", port_off), ("on", port_on)]
        for name, port in order:
            elapsed, code = transaction(port, b"bench@sender.example", recipient, data)
            times[name].append(elapsed * 1000)
            codes[name][code] = codes[name].get(code, 0) + 1
    result = {"messages": n}
    for name in ("on", "off"):
        result[name] = {"p50_ms": round(percentile(times[name], 50), 2), "p99_ms": round(percentile(times[name], 99), 2),
                        "mean_ms": round(sum(times[name]) / len(times[name]), 2), "replies": codes[name]}
    result["added_p50_ms"] = round(result["on"]["p50_ms"] - result["off"]["p50_ms"], 2)
    result["added_p99_ms"] = round(result["on"]["p99_ms"] - result["off"]["p99_ms"], 2)
    # per-message difference: the same message, both servers, adjacent in time
    deltas = [a - b for a, b in zip(times["on"], times["off"])]
    result["paired_added_p50_ms"] = round(percentile(deltas, 50), 2)
    result["paired_added_p99_ms"] = round(percentile(deltas, 99), 2)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    if sys.argv[1] == "dns":
        dns(sys.argv[2])
    else:
        measure(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
