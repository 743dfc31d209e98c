#!/usr/bin/env python3
"""IMAP SEARCH BODY timing against a running govmail server (used by bench/search-benchmark.sh).

usage: search_benchmark.py load PORT USER PASSWORD N CORPUS_DIR   append N messages to INBOX (idempotent: tops up)
       search_benchmark.py time PORT USER PASSWORD ROUNDS [PIDS]  print one JSON line of latencies per query
                                                                  (PIDS: server processes whose CPU is counted)
Messages: SpamAssassin ham (English) and generated Vietnamese official mail, one in ten with a distinctive token.
"""
import glob
import os
import imaplib
import json
import random
import ssl
import statistics
import sys
import threading
import time

QUERIES = [  # (label, criterion name, value)
    ("BODY word, frequent", "BODY", '"report"'),
    ("BODY word, rare", "BODY", '"hosochuyen110"'),
    ("BODY phrase, Vietnamese folded", "BODY", '"van ban den"'),
    ("BODY phrase, Vietnamese exact", "BODY", "văn bản đến"),
    ("BODY phrase, English", "BODY", '"free software"'),
    ("BODY substring", "BODY", '"ownloa"'),
    ("FROM", "FROM", '"vanthu"'),
    ("SUBJECT", "SUBJECT", "báo cáo tài chính"),
    ("BODY no match", "BODY", '"zzqqxxyyww"'),
]


def cpu_seconds(pids):
    """utime + stime of the given processes and their reaped children (the server JVM, PostgreSQL)."""
    total = 0
    for pid in pids:
        try:
            fields = open("/proc/%s/stat" % pid).read().rsplit(")", 1)[1].split()
            total += sum(int(v) for v in fields[11:15])
        except (OSError, IndexError):
            pass
    return total / os.sysconf("SC_CLK_TCK")
UNITS = ["Sở Nội vụ", "Sở Tài chính", "UBND tỉnh Lai Châu", "Văn phòng UBND tỉnh", "Sở Thông tin và Truyền thông"]
TOPICS = ["triển khai hệ thống thư điện tử công vụ", "báo cáo tài chính quý III", "kế hoạch chuyển đổi số",
          "lịch họp giao ban tháng", "văn bản đến số %d về cải cách hành chính"]


def connect(port, user, password):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    imap = imaplib.IMAP4_SSL("127.0.0.1", port, ssl_context=context)
    imap.login(user, password)
    return imap


def vietnamese(i, rng):
    topic = rng.choice(TOPICS)
    topic = topic % i if "%d" in topic else topic
    body = "Kính gửi: %s\r\nV/v %s.\r\n%s\r\nMã hồ sơ hosochuyen%d.\r\n" % (
        rng.choice(UNITS), topic, " ".join(rng.choice(TOPICS).replace("%d", str(i)) for _ in range(30)), i)
    return ("From: %s <vanthu@demo.gov.vn>\r\nTo: nguyenvana@demo.gov.vn\r\nSubject: %s\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n%s"
            % (rng.choice(UNITS), topic, body)).encode("utf-8")


def load(port, user, password, n, corpus, connections=4):
    hams = [open(path, "rb").read().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
            for path in sorted(glob.glob(corpus + "/spamassassin/ham/*.eml"))[:2000]]
    imap = connect(port, user, password)
    typ, data = imap.select("INBOX")
    existing = int(data[0])
    imap.logout()
    start = time.time()

    def append_every(offset):
        rng = random.Random(2026 + offset)
        connection = connect(port, user, password)
        for i in range(existing + offset, n, connections):
            message = vietnamese(i, rng) if i % 2 == 0 or not hams else hams[i % len(hams)]
            if i % 10 == 0:
                message = message.replace(b"\r\n\r\n", b"\r\n\r\nhosochuyen%d\r\n" % i, 1)
            connection.append("INBOX", None, None, message)
            if i % 1000 == 0:
                print("loaded %d" % i, file=sys.stderr, flush=True)
        try:
            connection.logout()
        except imaplib.IMAP4.abort:
            pass  # the server may close right after its BYE

    workers = [threading.Thread(target=append_every, args=(k,)) for k in range(connections)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print(json.dumps({"appended": n - existing, "seconds": round(time.time() - start, 1)}))


def timing(port, user, password, rounds, pids):
    imap = connect(port, user, password)
    imap.select("INBOX", readonly=True)
    for label, name, criterion in QUERIES:
        latencies, hits = [], 0
        cpu_before = cpu_seconds(pids)
        for _ in range(rounds):
            began = time.perf_counter()
            if criterion.isascii():
                typ, data = imap.uid("SEARCH", name, criterion)
            else:
                imap.literal = criterion.encode("utf-8")
                typ, data = imap.uid("SEARCH", "CHARSET", "UTF-8", name)
            latencies.append((time.perf_counter() - began) * 1000)
            hits = len(data[0].split()) if typ == "OK" else -1
        server_cpu_ms = (cpu_seconds(pids) - cpu_before) * 1000 / rounds
        latencies.sort()
        print(json.dumps({"query": label, "hits": hits, "p50_ms": round(statistics.median(latencies), 1),
                          "p99_ms": round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))], 1),
                          "server_cpu_ms": round(server_cpu_ms, 1), "rounds": rounds}), flush=True)
    imap.logout()


if __name__ == "__main__":
    mode, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    if mode == "load":
        load(port, user, password, int(sys.argv[5]), sys.argv[6])
    else:
        timing(port, user, password, int(sys.argv[5]), sys.argv[6].split(",") if len(sys.argv) > 6 and sys.argv[6] else [])
