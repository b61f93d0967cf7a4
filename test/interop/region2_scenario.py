#!/usr/bin/python3
"""The second half of the MAAS 1.8 API driven by an independent MAAS 1.0 client: Debian's
python3-requests-oauthlib (PLAINTEXT, Authorization header) and python3-bson.
Usage: region2_scenario.py API_URL API_KEY CERT_PEM_FILE
Prints one JSON line of what it saw; exits non-zero on the first surprise."""
import base64
import json
import sys
import threading

import bson
import requests
from oauthlib.oauth1 import SIGNATURE_PLAINTEXT
from requests_oauthlib import OAuth1

api, key, cert_path = sys.argv[1], sys.argv[2], sys.argv[3]
consumer, token, secret = key.split(":")
auth = OAuth1(consumer, client_secret="", resource_owner_key=token, resource_owner_secret=secret,
              signature_method=SIGNATURE_PLAINTEXT)


def check(resp, status=200):
    if resp.status_code != status:
        raise SystemExit("%s %s -> %d %s" % (resp.request.method, resp.url, resp.status_code, resp.text[:300]))
    return resp


def fields(**kw):
    """multipart/form-data text parts, as python-maas-client and the maas CLI send them."""
    return [(k, (None, v)) for k, vs in kw.items() for v in (vs if isinstance(vs, list) else [vs])]


seen = {}
uuid = check(requests.get(api + "nodegroups/", params={"op": "list"}, auth=auth)).json()[0]["uuid"]

# A node to connect to a network.
node = check(requests.post(api + "nodes/", params={"op": "new"}, auth=auth,
                           files=fields(architecture="amd64/generic", mac_addresses="52:54:00:0c:0d:01", hostname="interop-2"))).json()
mac = node["macaddress_set"][0]["mac_address"]

# Networks: define, connect a MAC, list it, refuse a bad VLAN tag, delete.
net = check(requests.post(api + "networks/", auth=auth,
                          files=fields(name="lab", ip="10.20.0.9", netmask="255.255.0.0", vlan_tag="100"))).json()
seen["network"] = [net["ip"], net["vlan_tag"]]
seen["bad_vlan"] = requests.post(api + "networks/", auth=auth,
                                 files=fields(name="x", ip="10.30.0.0", netmask="255.255.0.0", vlan_tag="5000")).status_code
# An invalid form: MAAS's shape, 400 application/json {"field": ["message"]}, read as a MAAS
# client reads it (maascli parses a JSON error body and prints field: message).
bad = requests.post(api + "networks/", auth=auth, files=fields(name="y", ip="10.31.0.0", netmask="0.0.0.0"))
seen["form_error"] = [bad.status_code, bad.headers["Content-Type"],
                      ["%s: %s" % (f, " ".join(ms)) for f, ms in sorted(bad.json().items())]]
check(requests.post(api + "networks/lab/", params={"op": "connect_macs"}, auth=auth, files=fields(macs=[mac])))
seen["connected"] = [m["mac_address"] for m in check(requests.get(api + "networks/lab/", params={"op": "list_connected_macs"}, auth=auth)).json()]
seen["networks_of_node"] = [n["name"] for n in check(requests.get(api + "networks/", params={"node": node["system_id"]}, auth=auth)).json()]
seen["delete_connected"] = requests.delete(api + "networks/lab/", auth=auth).status_code
check(requests.post(api + "networks/lab/", params={"op": "disconnect_macs"}, auth=auth, files=fields(macs=[mac])))
check(requests.delete(api + "networks/lab/", auth=auth), 204)

# IP reservation: a cluster interface with a 10-address static range, then 14 reservations
# from 14 threads at once: 10 distinct addresses and 4 answers of 503.
check(requests.post(api + "nodegroups/%s/interfaces/" % uuid, params={"op": "new"}, auth=auth,
                    files=fields(name="eth1", interface="eth1", ip="10.40.0.1", subnet_mask="255.255.255.0",
                                 static_ip_range_low="10.40.0.10", static_ip_range_high="10.40.0.19")))
answers = []


def reserve():
    answers.append(requests.post(api + "ipaddresses/", params={"op": "reserve"}, auth=auth, files=fields(network="10.40.0.0/24")))


threads = [threading.Thread(target=reserve) for _ in range(14)]
[t.start() for t in threads]
[t.join() for t in threads]
ips = sorted(r.json()["ip"] for r in answers if r.status_code == 200)
seen["reserved"] = ips
seen["exhausted"] = sorted(r.status_code for r in answers if r.status_code != 200)
seen["listed"] = sorted(i["ip"] for i in check(requests.get(api + "ipaddresses/", auth=auth)).json())
check(requests.post(api + "ipaddresses/", params={"op": "release"}, auth=auth, files=fields(ip=ips[0])), 204)
seen["rereserved"] = check(requests.post(api + "ipaddresses/", params={"op": "reserve"}, auth=auth,
                                         files=fields(requested_address=ips[0]))).json()["ip"]

# Commissioning scripts: binary content round trip (raw GET; base64 in the create answer);
# the list is the sorted names, as MAAS 1.8.
blob = bytes(range(256)) * 4
made_script = check(requests.post(api + "commissioning-scripts/", auth=auth,
                                  files=[("name", (None, "40-vendor-tool")), ("content", ("tool.bin", blob, "application/octet-stream"))])).json()
check(requests.post(api + "commissioning-scripts/", auth=auth, files=[("name", (None, "10-first")), ("content", ("a", b"#!/bin/sh"))]))
seen["script_raw_equal"] = check(requests.get(api + "commissioning-scripts/40-vendor-tool", auth=auth)).content == blob
seen["script_list"] = check(requests.get(api + "commissioning-scripts/", auth=auth)).json()
seen["script_b64_equal"] = base64.b64decode(made_script["content"]) == blob
seen["bad_script_name"] = requests.post(api + "commissioning-scripts/", auth=auth,
                                        files=[("name", (None, "has space")), ("content", ("x", b"x"))]).status_code

# Boot sources and a selection; import is refused honestly.
keyring = b"\x99\x01\x0dkeyring-bytes"
src = check(requests.post(api + "boot-sources/", auth=auth,
                          files=fields(url="http://mirror.lab/maas/images/", keyring_data=base64.b64encode(keyring).decode())), 201).json()
seen["keyring_equal"] = base64.b64decode(src["keyring_data"]) == keyring
sel = check(requests.post(api + "boot-sources/%d/selections/" % src["id"], auth=auth,
                          files=fields(release="xenial", arches=["amd64", "arm64"]))).json()
seen["selection"] = [sel["release"], sel["arches"], sel["subarches"]]
seen["sources"] = len(check(requests.get(api + "boot-sources/", auth=auth)).json())
seen["import"] = requests.post(api + "boot-resources/", params={"op": "import"}, auth=auth).status_code

# SSL keys: add a PEM certificate, list, refuse junk, delete with GET op=delete.
with open(cert_path) as f:
    pem = f.read()
k = check(requests.post(api + "account/prefs/sslkeys/", params={"op": "new"}, auth=auth, files=fields(key=pem)), 201).json()
seen["ssl_listed"] = len(check(requests.get(api + "account/prefs/sslkeys/", params={"op": "list"}, auth=auth)).json())
seen["ssl_bad"] = requests.post(api + "account/prefs/sslkeys/", params={"op": "new"}, auth=auth, files=fields(key="not a cert")).status_code
check(requests.get(api + "account/prefs/sslkeys/%d/" % k["id"], params={"op": "delete"}, auth=auth), 204)
seen["ssl_after"] = len(check(requests.get(api + "account/prefs/sslkeys/", params={"op": "list"}, auth=auth)).json())

# The cluster's details for its nodes, as BSON.
details = bson.BSON(check(requests.post(api + "nodegroups/%s/" % uuid, params={"op": "details"}, auth=auth,
                                        files=fields(system_ids=[node["system_id"]]))).content).decode()
seen["cluster_details"] = sorted(details.keys()) == [node["system_id"]]

print(json.dumps(seen))
