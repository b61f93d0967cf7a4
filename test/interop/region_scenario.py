#!/usr/bin/python3
"""Drives the embedded region as an independent MAAS 1.0 client would: Debian's
python3-requests-oauthlib (PLAINTEXT, Authorization header; HMAC-SHA1 once) and
python3-bson to decode node details. Usage: region_scenario.py API_URL API_KEY LSHW_FILE
Prints one JSON line of what it saw; exits non-zero on the first surprise."""
import json
import sys
import time

import bson
import requests
from oauthlib.oauth1 import SIGNATURE_HMAC, SIGNATURE_PLAINTEXT
from requests_oauthlib import OAuth1

api, key, lshw_path = sys.argv[1], sys.argv[2], sys.argv[3]
consumer, token, secret = key.split(":")


def auth(method=SIGNATURE_PLAINTEXT):
    return OAuth1(consumer, client_secret="", resource_owner_key=token,
                  resource_owner_secret=secret, signature_method=method)


def check(resp, status=200):
    if resp.status_code != status:
        raise SystemExit("%s %s -> %d %s" % (resp.request.method, resp.url, resp.status_code, resp.text[:300]))
    return resp


seen = {}
# Enlist anonymously (multipart, two MACs), as a PXE-booted machine did.
r = check(requests.post(api + "nodes/", params={"op": "new"},
                        files=[("architecture", (None, "amd64/generic")),
                               ("mac_addresses", (None, "52:54:00:0a:0b:01")),
                               ("mac_addresses", (None, "52:54:00:0a:0b:02")),
                               ("hostname", (None, "interop-1"))]))
node = r.json()
sid = node["system_id"]
seen["enlisted"] = node["substatus_name"]
seen["macs"] = [m["mac_address"] for m in node["macaddress_set"]]

# Accept (admin), then attach lshw: commissioning completes.
seen["accepted"] = check(requests.post(api + "nodes/", params={"op": "accept"}, data={"nodes": [sid]}, auth=auth())).json()
with open(lshw_path, "rb") as f:
    lshw = f.read()
check(requests.post(api + "nodes/%s/" % sid, params={"op": "set_details"},
                    files={"lshw": ("lshw.xml", lshw, "application/xml")}, auth=auth()))
seen["after_details"] = check(requests.get(api + "nodes/%s/" % sid, auth=auth())).json()["substatus_name"]

# Details come back as BSON with the exact bytes.
details = bson.BSON(check(requests.get(api + "nodes/%s/" % sid, params={"op": "details"}, auth=auth())).content).decode()
seen["details_lshw_equal"] = bytes(details["lshw"]) == lshw
seen["details_lldp"] = details["lldp"]

# An XPath tag; membership is rebuilt in the background.
check(requests.post(api + "tags/", params={"op": "new"},
                    data={"name": "amd-epyc", "definition": '//node[@class="processor"]/vendor[contains(., "AMD")]'}, auth=auth()))
deadline = time.time() + 30
members = []
while time.time() < deadline:
    members = [n["system_id"] for n in check(requests.get(api + "tags/amd-epyc/", params={"op": "nodes"}, auth=auth())).json()]
    if sid in members:
        break
    time.sleep(0.2)
seen["tagged"] = sid in members

# HMAC-SHA1 signed read, verified by the region.
seen["hmac_list"] = len(check(requests.get(api + "nodes/", params={"op": "list"}, auth=auth(SIGNATURE_HMAC))).json())

# Acquire and release.
seen["acquired"] = check(requests.post(api + "nodes/", params={"op": "acquire"}, data={"tags": "amd-epyc"}, auth=auth())).json()["system_id"] == sid
seen["released"] = check(requests.post(api + "nodes/", params={"op": "release"}, data={"nodes": [sid]}, auth=auth())).json()
seen["final"] = check(requests.get(api + "nodes/%s/" % sid, auth=auth())).json()["substatus_name"]

# Events, newest first, and a 401 for a wrong secret.
ev = check(requests.get(api + "events/", params={"op": "query", "id": sid, "limit": "50"}, auth=auth())).json()
seen["events"] = [e["description"] for e in ev["events"]]
seen["events_paging"] = bool(ev["next_uri"]) and bool(ev["prev_uri"])
bad = OAuth1(consumer, client_secret="", resource_owner_key=token, resource_owner_secret=secret + "x",
             signature_method=SIGNATURE_PLAINTEXT)
seen["bad_secret_status"] = requests.get(api + "nodes/", params={"op": "list"}, auth=bad).status_code
print(json.dumps(seen))
