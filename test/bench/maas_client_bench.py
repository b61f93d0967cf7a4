#!/usr/bin/python3
"""One independent MAAS 1.0 client (Debian's python3-requests-oauthlib), timing a server the
way a user's script would see it. Used by test/bench/region-vs-fake.bench.ts against the
embedded region and against gomaasapi's fake MAAS in the same run.

  maas_client_bench.py list API_URL KEY RUNS [cold] nodes op=list RUNS times (after a warm-up); "cold":
                                                    enlist one node before each (untimed), so no
                                                    server can answer from a kept copy
  maas_client_bench.py enlist API_URL COUNT THREADS anonymous nodes op=new, COUNT over THREADS

Prints one JSON line: list -> {"ms": [...], "bytes": n, "nodes": n, "fields": [...]};
enlist -> {"ms": total, "ok": n, "failed": n, "first_error": "..."}."""
import json
import sys
import threading
import time

import requests
from oauthlib.oauth1 import SIGNATURE_PLAINTEXT
from requests_oauthlib import OAuth1

mode, api = sys.argv[1], sys.argv[2]

if mode == "list":
    consumer, token, secret = sys.argv[3].split(":")
    auth = OAuth1(consumer, client_secret="", resource_owner_key=token,
                  resource_owner_secret=secret, signature_method=SIGNATURE_PLAINTEXT)
    session = requests.Session()
    runs = int(sys.argv[4])
    times = []
    cold = len(sys.argv) > 5 and sys.argv[5] == "cold"
    for i in range(runs + 1):
        if cold:
            mac = "52:55:00:00:%02x:%02x" % (i >> 8, i & 255)
            made = session.post(api + "nodes/", params={"op": "new"},
                                files=[("architecture", (None, "amd64/generic")), ("mac_addresses", (None, mac))])
            if made.status_code != 200:
                raise SystemExit("op=new -> %d %s" % (made.status_code, made.text[:300]))
        t0 = time.perf_counter()
        r = session.get(api + "nodes/", params={"op": "list"}, auth=auth)
        body = r.content
        ms = (time.perf_counter() - t0) * 1000
        if r.status_code != 200:
            raise SystemExit("list -> %d %s" % (r.status_code, body[:300]))
        if i > 0:
            times.append(ms)
    nodes = json.loads(body)
    print(json.dumps({"ms": times, "bytes": len(body), "nodes": len(nodes),
                      "fields": sorted(nodes[0].keys()) if nodes else []}))
elif mode == "enlist":
    count, threads = int(sys.argv[3]), int(sys.argv[4])
    lock = threading.Lock()
    state = {"next": 0, "ok": 0, "failed": 0, "first_error": None}

    def worker():
        session = requests.Session()
        while True:
            with lock:
                i = state["next"]
                if i >= count:
                    return
                state["next"] += 1
            mac = "52:54:%02x:%02x:%02x:%02x" % ((i >> 24) & 255, (i >> 16) & 255, (i >> 8) & 255, i & 255)
            r = session.post(api + "nodes/", params={"op": "new"},
                             files=[("architecture", (None, "amd64/generic")), ("mac_addresses", (None, mac)),
                                    ("hostname", (None, "enlist-%d" % i))])
            with lock:
                if r.status_code == 200:
                    state["ok"] += 1
                else:
                    state["failed"] += 1
                    state["first_error"] = state["first_error"] or "%d %s" % (r.status_code, r.text[:200])

    t0 = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    print(json.dumps({"ms": (time.perf_counter() - t0) * 1000, "ok": state["ok"], "failed": state["failed"],
                      "first_error": state["first_error"]}))
else:
    raise SystemExit("unknown mode " + mode)
