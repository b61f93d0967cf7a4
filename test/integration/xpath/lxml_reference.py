#!/usr/bin/python3
"""MAAS's own tag evaluation, for comparing ours against it (Debian python3-lxml).

merge_details and try_match_xpath follow MAAS (src/provisioningserver/tags.py,
src/provisioningserver/utils/xpath.py) line for line; nodes' details maps always have
both keys, lshw first, as MAAS's get_single_probed_details builds them.

stdin: JSON {"definitions": [...], "docs": [{"id", "lshw", "lldp"}], "mode": "match"|"time"}
stdout: JSON {"matches": {definition: [ids]}, "invalid": {definition: reason}, "seconds": {...}}
"""
import json
import sys
import time

from lxml import etree

NSMAP = {"lshw": "lshw", "lldp": "lldp"}


def merge_details(details):
    root = etree.Element("list", nsmap={name: name for name in details})
    if "lshw" in details:
        detail = details["lshw"]
        if detail is not None:
            try:
                lshw = etree.fromstring(detail)
            except etree.XMLSyntaxError:
                del details["lshw"]
            else:
                root.append(lshw)
                root = lshw
    for name, detail in sorted(details.items()):
        if detail is not None:
            try:
                detail = etree.fromstring(detail)
            except etree.XMLSyntaxError:
                pass
            else:
                for elem in detail.iter("{}*"):
                    elem.tag = etree.QName(name, elem.tag)
                root.append(detail)
    return etree.ElementTree(root)


def try_match_xpath(xpath, doc):
    try:
        return bool(xpath(doc))
    except etree.XPathEvalError:
        return False


def details_of(doc):
    def raw(value):
        return None if value is None else value.encode("utf-8")

    return {"lshw": raw(doc.get("lshw")), "lldp": raw(doc.get("lldp"))}


def main():
    request = json.load(sys.stdin)
    docs = request["docs"]
    mode = request.get("mode", "match")
    matches, invalid, seconds = {}, {}, {}
    compiled = {}
    for definition in request["definitions"]:
        try:
            compiled[definition] = etree.XPath(definition, namespaces=NSMAP)
        except etree.XPathSyntaxError as error:
            invalid[definition] = str(error)
    if mode == "match":
        trees = [(doc["id"], merge_details(details_of(doc))) for doc in docs]
        for definition, xpath in compiled.items():
            matches[definition] = [id_ for id_, tree in trees if try_match_xpath(xpath, tree)]
    else:
        # MAAS's rebuild of one tag: parse + merge + evaluate every node.
        started = time.perf_counter()
        first = next(iter(compiled.values()))
        for doc in docs:
            try_match_xpath(first, merge_details(details_of(doc)))
        seconds["rebuild_one"] = time.perf_counter() - started
        started = time.perf_counter()
        trees = [merge_details(details_of(doc)) for doc in docs]
        seconds["parse_merge"] = time.perf_counter() - started
        per = {}
        for definition, xpath in compiled.items():
            started = time.perf_counter()
            count = sum(1 for tree in trees if try_match_xpath(xpath, tree))
            per[definition] = time.perf_counter() - started
            matches[definition] = count
        seconds["evaluate"] = per
    json.dump({"matches": matches, "invalid": invalid, "seconds": seconds}, sys.stdout)


if __name__ == "__main__":
    main()
